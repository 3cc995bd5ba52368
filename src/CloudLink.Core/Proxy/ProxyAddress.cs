namespace CloudLink.Core.Proxy;

/// <summary>
/// A proxy URL as HTTPS_PROXY takes it: http[s]://[user:password@]host[:port]. A URL without a
/// scheme is refused (never silently ignored); credentials are kept URL-encoded and shown masked.
/// </summary>
public sealed class ProxyAddress
{
    private ProxyAddress(Uri uri) => Uri = uri;

    public Uri Uri { get; }

    public string? UserName => Uri.UserInfo.Length == 0 ? null : Uri.UnescapeDataString(Uri.UserInfo.Split(':')[0]);

    public bool HasPassword => Uri.UserInfo.Contains(':');

    /// <summary>The password, decoded; only for handing to an HTTP client, never for display.</summary>
    internal string? Password => HasPassword ? Uri.UnescapeDataString(Uri.UserInfo.Remove(0, Uri.UserInfo.IndexOf(':') + 1)) : null;

    /// <summary>The URL to put in HTTPS_PROXY, credentials included.</summary>
    public string Value => Uri.GetComponents(UriComponents.SchemeAndServer | UriComponents.UserInfo, UriFormat.UriEscaped);

    /// <summary>The URL with the password replaced by ****, for logs, output and errors.</summary>
    public string Masked => Mask(Value);

    /// <summary>Parses a proxy URL; <paramref name="source"/> names where it came from for the error (e.g. "HTTPS_PROXY").</summary>
    public static ProxyAddress Parse(string text, string source)
    {
        var trimmed = text.Trim();
        if (trimmed.IndexOf("://", StringComparison.Ordinal) < 0)
        {
            throw new ProxyException(
                $"{source} = '{Mask(trimmed)}' has no scheme. Write it as http://host:port (or https://, with user:password@ before the host if the proxy needs a login).");
        }

        if (!Uri.TryCreate(trimmed, UriKind.Absolute, out var uri) || uri.Host.Length == 0)
        {
            throw new ProxyException($"{source} = '{Mask(trimmed)}' is not a valid URL. Write it as http://host:port; encode special characters of a password (e.g. @ as %40), or pass the password separately.");
        }

        if (uri.Scheme is not ("http" or "https"))
        {
            throw new ProxyException($"{source} = '{Mask(trimmed)}' uses the scheme '{uri.Scheme}'; a proxy URL starts with http:// or https://.");
        }

        if (uri.AbsolutePath.Length > 1 || uri.Query.Length > 0)
        {
            throw new ProxyException($"{source} = '{Mask(trimmed)}' has a path; a proxy URL is only http://host:port.");
        }

        if (uri.UserInfo.Length == 0)
        {
            return new ProxyAddress(uri);
        }

        var colon = uri.UserInfo.IndexOf(':');
        var userPart = colon < 0 ? uri.UserInfo : uri.UserInfo.Substring(0, colon);
        var passwordPart = colon < 0 ? "" : uri.UserInfo.Substring(colon + 1);
        var user = Uri.UnescapeDataString(userPart);
        return colon < 0
            ? new ProxyAddress(new UriBuilder(uri) { UserName = Encode(user), Password = "" }.Uri)
            : new ProxyAddress(uri).WithCredential(user, Uri.UnescapeDataString(passwordPart));
    }

    /// <summary>
    /// This address with a login. User name and password are percent-encoded completely (all but
    /// letters, digits and -._~), so any character is allowed and none needs quoting where the URL is written.
    /// </summary>
    public ProxyAddress WithCredential(string userName, string password)
    {
        var builder = new UriBuilder(Uri) { UserName = Encode(userName), Password = Encode(password) };
        return new ProxyAddress(builder.Uri);
    }

    private static string Encode(string text) => Uri.EscapeDataString(text).Replace("'", "%27").Replace("!", "%21").Replace("(", "%28").Replace(")", "%29").Replace("*", "%2A");

    /// <summary>Replaces the password of any proxy URL in <paramref name="text"/> with ****.</summary>
    public static string Mask(string text)
    {
        var scheme = text.IndexOf("://", StringComparison.Ordinal);
        var start = scheme < 0 ? 0 : scheme + 3;
        var at = text.LastIndexOf('@');
        if (at < start)
        {
            return text;
        }

        var colon = text.IndexOf(':', start);
        return colon < 0 || colon > at ? text : text.Remove(colon + 1, at - colon - 1).Insert(colon + 1, "****");
    }

    public override string ToString() => Masked;
}
