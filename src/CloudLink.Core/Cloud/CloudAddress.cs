using System.Net;

namespace CloudLink.Core.Cloud;

/// <summary>
/// Where the agent may send its secret, its PIN and its data: https, or plain http only to a cloud
/// on this machine (a loopback address or localhost). There is no switch to relax this, nor one
/// that turns certificate checks off.
/// </summary>
public static class CloudAddress
{
    /// <summary>What is wrong with <paramref name="text"/> as the cloud's address, or null.</summary>
    public static string? Problem(string text)
    {
        if (!Uri.TryCreate(text, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp) || url.Host.Length == 0)
        {
            return $"'{text}' is not a web address; write it like \"https://www.injixo.com\".";
        }

        return url.Scheme == Uri.UriSchemeHttp && !IsLoopback(url)
            ? $"'{text}' uses http:// to {url.Host}: the agent's secret, its PIN and the data would travel unencrypted and could be changed on the way. " +
              "Use https://; plain http:// is allowed only to a cloud on this machine (127.0.0.1, ::1, localhost)."
            : null;
    }

    public static bool IsLoopback(Uri url) =>
        url.IsLoopback || url.Host.Equals("localhost", StringComparison.OrdinalIgnoreCase) ||
        (IPAddress.TryParse(url.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
}
