using CloudLink.Core.Cloud;

namespace CloudLink.Tests.Uploads;

/// <summary>An upload under way when the agent stops is given time to finish, then cut off.</summary>
public sealed class UploadStopGraceTests
{
    [Fact]
    public void An_upload_is_not_cut_off_when_the_agent_is_told_to_stop_but_once_the_grace_is_over()
    {
        using var stopping = new CancellationTokenSource();
        using var upload = new UploadStopGrace(stopping.Token, TimeSpan.FromMilliseconds(200));
        Assert.False(upload.Token.IsCancellationRequested);

        stopping.Cancel();

        Assert.False(upload.Token.IsCancellationRequested);
        Assert.True(upload.Token.WaitHandle.WaitOne(TimeSpan.FromMinutes(1)), "the upload is cut off after the grace");
    }

    [Fact]
    public void An_upload_that_finished_is_not_affected_by_a_later_stop()
    {
        using var stopping = new CancellationTokenSource();
        var upload = new UploadStopGrace(stopping.Token, TimeSpan.Zero);
        var token = upload.Token;
        upload.Dispose();

        stopping.Cancel();

        Assert.False(token.IsCancellationRequested);
    }

    [Fact]
    public void The_grace_fits_in_the_time_the_service_managers_wait_for_a_stop()
    {
        var unit = File.ReadAllText(Path.Combine(CloudLink.Tests.Support.RepositoryPaths.Root, "src/CloudLink.Core/Service/injixo-cloud-link.service.template"));
        var stopSeconds = int.Parse(System.Text.RegularExpressions.Regex.Match(unit, @"TimeoutStopSec=(\d+)").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(UploadStopGrace.Grace < TimeSpan.FromSeconds(stopSeconds) / 2, $"the grace {UploadStopGrace.Grace} leaves the agent time to close after it");
    }
}
