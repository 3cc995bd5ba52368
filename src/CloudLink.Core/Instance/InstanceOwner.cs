using CloudLink.Core.State;

namespace CloudLink.Core.Instance;

/// <summary>
/// The user an instance belongs to: the owner of its state folder (the service user that 'service
/// install' gave it to). Root acting on such an instance ('pin', 'status', 'import', 'query',
/// 'check', even 'run') becomes that user first, so every file it writes belongs to the service,
/// nothing in the service's folders is touched with root's rights, and what it sees is what the
/// service sees.
/// </summary>
public static class InstanceOwner
{
    /// <summary>The owner of the state folder when it is not root; null when there is none yet, or on Windows.</summary>
    public static UnixAccount? Of(InstancePaths paths)
    {
        if (!NativeUnix.IsUnix || NativeUnix.Stat(paths.StateFolder, followLinks: false) is not { IsFolder: true, Owner: not 0 } state)
        {
            return null;
        }

        return UnixAccounts.Find(state.Owner)
            ?? throw new StateException(paths.StateFolder, $"belongs to uid {state.Owner}, which is no user of this system. Give it to the service's user (or root) again with 'injixo-cloud-link service install'.");
    }

    /// <summary>When root, becomes the instance's user (if it has one); returns that user, or null when nothing changed.</summary>
    public static UnixAccount? BecomeIfRoot(InstancePaths paths)
    {
        if (NativeUnix.EffectiveUser != 0 || Of(paths) is not { } owner)
        {
            return null;
        }

        UnixAccounts.Become(owner, paths.StateFolder);
        return owner;
    }
}
