namespace CloudLink.Core.Cloud;

/// <summary>
/// The cancellation of one upload: when the agent is told to stop while an upload is under way, the
/// upload gets <see cref="Grace"/> to finish, so that the cloud's answer is recorded and nothing is
/// sent again after the restart. Cut off at once, the cloud could store what the agent never
/// recorded. Past the grace it is cut off; both the systemd unit and the Windows service wait 30 s.
/// </summary>
public sealed class UploadStopGrace : IDisposable
{
    public static readonly TimeSpan Grace = TimeSpan.FromSeconds(10);

    private readonly CancellationTokenSource _source = new();
    private readonly CancellationTokenRegistration _stopping;

    public UploadStopGrace(CancellationToken stopping, TimeSpan? grace = null)
    {
        var wait = grace ?? Grace;
        _stopping = stopping.Register(() => _source.CancelAfter(wait));
    }

    public CancellationToken Token => _source.Token;

    public void Dispose()
    {
        // Unregistering waits for a running callback, so the source is never used once disposed.
        _stopping.Dispose();
        _source.Dispose();
    }
}
