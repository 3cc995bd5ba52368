namespace CloudLink.Core.Proxy;

/// <summary>The host's proxy for CloudLink: the address and the hosts that bypass it (NO_PROXY).</summary>
public sealed class ProxySettings(ProxyAddress address, string? noProxy)
{
    public ProxyAddress Address { get; } = address;

    /// <summary>Comma-separated hosts or domains reached directly, e.g. "localhost,127.0.0.1,.corp.example".</summary>
    public string? NoProxy { get; } = string.IsNullOrWhiteSpace(noProxy) ? null : noProxy!.Trim();

    /// <summary>Whether <paramref name="host"/> is reached directly: "*", the host itself, or a domain it is in (".corp" or "corp").</summary>
    public bool Bypasses(string host) =>
        NoProxy is not null && NoProxy.Split(',').Select(entry => entry.Trim().TrimStart('.')).Where(entry => entry.Length > 0).Any(entry =>
            entry == "*" || string.Equals(host, entry, StringComparison.OrdinalIgnoreCase) || host.EndsWith("." + entry, StringComparison.OrdinalIgnoreCase));
}
