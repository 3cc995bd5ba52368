using CloudLink.Core.Agent;
using CloudLink.Core.Cloud;
using CloudLink.Core.State;
using CloudLink.Protocol;
using Serilog;

namespace CloudLink.Core.Pairing;

/// <summary>
/// Links an instance to an integration: asks the cloud for a PIN, shows the banner, waits until a
/// person enters the PIN, and stores the credential. An expired PIN is replaced by itself.
/// </summary>
public sealed class PairingService(
    CloudClient cloud,
    CredentialStore credentials,
    PinStore pins,
    PairingRequest identity,
    ILogger log,
    TimeProvider time,
    Action<string> showBanner,
    string language) : IDisposable
{
    /// <summary>How often an unlinked agent asks whether its PIN was entered.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>A PIN this close to expiry is replaced rather than shown.</summary>
    public static readonly TimeSpan ExpiryMargin = TimeSpan.FromSeconds(10);

    private readonly SemaphoreSlim _oneRequest = new(1, 1);

    /// <summary>Waits until the instance is linked and returns its credentials.</summary>
    public async Task<AgentCredentials> PairAsync(CancellationToken cancellationToken)
    {
        var backoff = new Backoff();
        string? shownPin = null;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var current = credentials.LoadOrCreatePending(cloud.BaseAddress);
            if (credentials.RecoveredFrom is { } damage)
            {
                log.Warning("{File} was damaged ({Damage}); it was restored from its copy {Copy}.", credentials.FilePath, damage, MirroredFile.CopyOf(credentials.FilePath));
            }

            if (current.Linked)
            {
                return current;
            }

            try
            {
                var status = await CurrentStatusAsync(current, forceNew: false, cancellationToken);
                if (status.State == PairingState.Linked)
                {
                    return Link(current, status);
                }

                if (status.Pin != shownPin)
                {
                    shownPin = status.Pin;
                    var banner = PinBanner.Format(status.Pin!, cloud.BaseAddress, status.ExpiresAt!.Value - time.GetUtcNow(), language);
                    showBanner(banner);
                    log.Information("Waiting to be linked; the PIN expires at {ExpiresAt:u}.{NewLine}{Banner}", status.ExpiresAt, Environment.NewLine, banner);
                }

                backoff.Reset();
                await Task.Delay(PollInterval, cancellationToken);
            }
            catch (CredentialRejectedException e)
            {
                log.Warning("The cloud no longer accepts this agent's secret ({Code}); starting over with a new one.", e.Code);
                credentials.Discard();
            }
            catch (Exception e) when (e is CloudUnreachableException || e is CloudException { IsTransient: true })
            {
                var wait = backoff.Next();
                log.Warning("Pairing: {Problem} Retrying in {Seconds:0} s.", e.Message, wait.TotalSeconds);
                await Task.Delay(wait, cancellationToken);
            }
        }
    }

    /// <summary>
    /// The PIN to show now for the 'pin' command: the current one if it is still valid, otherwise
    /// (or with <paramref name="forceNew"/>) a fresh one. Null once the instance is linked.
    /// </summary>
    public async Task<PinRecord?> CurrentPinAsync(bool forceNew, CancellationToken cancellationToken)
    {
        var current = credentials.LoadOrCreatePending(cloud.BaseAddress);
        if (current.Linked)
        {
            return null;
        }

        var status = await CurrentStatusAsync(current, forceNew, cancellationToken);
        if (status.State == PairingState.Linked)
        {
            Link(current, status);
            return null;
        }

        return new PinRecord { Pin = status.Pin!, ExpiresAt = status.ExpiresAt!.Value };
    }

    /// <summary>
    /// The linked state, or a waiting state with a PIN that is valid for a while yet (requesting one if needed).
    /// One at a time: the pairing loop and a 'pin' from the control channel would otherwise both find
    /// no PIN and both request one, and the later would void the PIN the first one shows.
    /// </summary>
    private async Task<PairingStatus> CurrentStatusAsync(AgentCredentials current, bool forceNew, CancellationToken cancellationToken)
    {
        await _oneRequest.WaitAsync(cancellationToken);
        try
        {
            return await CurrentStatusUnguardedAsync(current, forceNew, cancellationToken);
        }
        finally
        {
            _oneRequest.Release();
        }
    }

    private async Task<PairingStatus> CurrentStatusUnguardedAsync(AgentCredentials current, bool forceNew, CancellationToken cancellationToken)
    {
        var status = forceNew ? null : await cloud.PollPairingAsync(current.Secret, cancellationToken);
        var usable = status is not null &&
            (status.State == PairingState.Linked ||
             (status.State == PairingState.Waiting && status.ExpiresAt - time.GetUtcNow() > ExpiryMargin));
        if (!usable)
        {
            status = await cloud.RequestPinAsync(current.Secret, identity, cancellationToken);
        }

        if (status!.State == PairingState.Waiting)
        {
            pins.Save(new PinRecord { Pin = status.Pin!, ExpiresAt = status.ExpiresAt!.Value });
        }

        return status;
    }

    private AgentCredentials Link(AgentCredentials current, PairingStatus status)
    {
        current.Linked = true;
        current.AgentId = status.AgentId;
        current.IntegrationId = status.IntegrationId;
        current.IntegrationName = status.IntegrationName;
        current.LinkedAt = time.GetUtcNow();
        credentials.Save(current);
        pins.Delete();
        log.Information("Linked to integration {IntegrationId} ({IntegrationName}) as agent {AgentId}.",
            status.IntegrationId, status.IntegrationName, status.AgentId);
        return current;
    }

    public void Dispose() => _oneRequest.Dispose();
}
