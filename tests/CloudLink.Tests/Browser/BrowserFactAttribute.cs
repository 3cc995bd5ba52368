namespace CloudLink.Tests.Browser;

/// <summary>A fact that drives Debian's Chromium; skipped, with the reason, where it is not installed.</summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public const string Chromium = "/usr/bin/chromium";

    public BrowserFactAttribute()
    {
        if (!File.Exists(Chromium))
        {
            Skip = $"Debian's Chromium is not installed ({Chromium}); .ci/run installs the package 'chromium'.";
        }
    }
}
