namespace CloudLink.Core.Connectivity;

/// <summary>What Test-CloudLinkConnection found for one host: each step of the path, and what to check if one failed.</summary>
public sealed class ConnectionCheck
{
    public string Host { get; set; } = "";

    public int Port { get; set; }

    /// <summary>The proxy used (password masked), or null for a direct connection.</summary>
    public string? Proxy { get; set; }

    public bool DnsResolved { get; set; }

    public string Addresses { get; set; } = "";

    public bool TcpConnected { get; set; }

    /// <summary>True when the TLS handshake (certificate checked) succeeded; null for plain http.</summary>
    public bool? TlsEstablished { get; set; }

    public int? HttpStatus { get; set; }

    public bool Succeeded { get; set; }

    public string Message { get; set; } = "";

    public double ElapsedMilliseconds { get; set; }
}
