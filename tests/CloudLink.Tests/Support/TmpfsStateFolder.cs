namespace CloudLink.Tests.Support;

/// <summary>An instance's state folder on its own small tmpfs (root only), unmounted on dispose.</summary>
internal sealed class TmpfsStateFolder : IDisposable
{
    private readonly string _folder;

    public TmpfsStateFolder(AgentInstance instance, string size)
    {
        _folder = instance.Paths.StateFolder;
        Directory.CreateDirectory(_folder);
        Assert.Equal(0, Command.Run("mount", "-t", "tmpfs", "-o", $"size={size},mode=0700", "tmpfs", _folder));
    }

    public void Remount(string mode) => Assert.Equal(0, Command.Run("mount", "-o", $"remount,{mode}", _folder));

    public void Dispose() => Command.Run("umount", "-l", _folder);
}
