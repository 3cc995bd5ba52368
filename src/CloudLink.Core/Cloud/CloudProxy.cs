using System.Net;
using CloudLink.Core.Proxy;

namespace CloudLink.Core.Cloud;

/// <summary>
/// The proxy the agent uses, from HTTPS_PROXY/https_proxy and NO_PROXY/no_proxy: parsed by the
/// same rules as the tools that set it, so a URL without a scheme stops the agent at start instead
/// of being guessed, and the credentials are decoded from the URL.
/// </summary>
public sealed class CloudProxy(ProxySettings settings) : IWebProxy
{
    private static readonly string[] Variables = ["HTTPS_PROXY", "https_proxy"];

    public ProxySettings Settings { get; } = settings;

    public ICredentials? Credentials { get; set; } = settings.Address.UserName is { } user ? new NetworkCredential(user, settings.Address.Password) : null;

    /// <summary>The proxy of this process's environment, or null for direct connections.</summary>
    public static CloudProxy? FromEnvironment()
    {
        var variable = Variables.FirstOrDefault(name => !string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(name)));
        if (variable is null)
        {
            return null;
        }

        var noProxy = Environment.GetEnvironmentVariable("NO_PROXY") ?? Environment.GetEnvironmentVariable("no_proxy");
        return new CloudProxy(new ProxySettings(ProxyAddress.Parse(Environment.GetEnvironmentVariable(variable)!, variable), noProxy));
    }

    public Uri GetProxy(Uri destination) => new(Settings.Address.Uri.GetLeftPart(UriPartial.Authority));

    public bool IsBypassed(Uri host) => Settings.Bypasses(host.Host);
}
