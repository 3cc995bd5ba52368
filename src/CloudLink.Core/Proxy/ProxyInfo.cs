namespace CloudLink.Core.Proxy;

/// <summary>The host's proxy as Get-CloudLinkProxy shows it: never with the password.</summary>
public sealed record ProxyInfo(string Uri, string? UserName, bool HasPassword, string? NoProxy, string Location)
{
    public static ProxyInfo From(ProxySettings settings, string location) =>
        new(settings.Address.Masked, settings.Address.UserName, settings.Address.HasPassword, settings.NoProxy, location);
}
