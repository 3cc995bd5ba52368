namespace CloudLink.Core.Proxy;

/// <summary>
/// The host's proxy for CloudLink: the address and the hosts that bypass it (NO_PROXY). A NO_PROXY
/// holding anything but host names, addresses, '*', ',', ':' and '[' ']' is refused: it is written
/// into an environment file, where a line break or a quote would add settings of its own.
/// </summary>
public sealed class ProxySettings(ProxyAddress address, string? noProxy)
{
    public ProxyAddress Address { get; } = address;

    /// <summary>Comma-separated hosts or domains reached directly, e.g. "localhost,127.0.0.1,.corp.example".</summary>
    public string? NoProxy { get; } = Checked(noProxy);

    private static string? Checked(string? noProxy)
    {
        if (string.IsNullOrWhiteSpace(noProxy))
        {
            return null;
        }

        var trimmed = noProxy!.Trim();
        for (var i = 0; i < trimmed.Length; i++)
        {
            var c = trimmed[i];
            if (!(char.IsLetterOrDigit(c) && c < 128) && c is not ('.' or '-' or '_' or '*' or ',' or ':' or '[' or ']' or ' '))
            {
                throw new ProxyException(char.IsControl(c)
                    ? $"NO_PROXY holds a control character (U+{(int)c:X4}) at character {i + 1}; give host names separated by commas, e.g. \"localhost,127.0.0.1,.corp.example\"."
                    : $"NO_PROXY holds '{c}' at character {i + 1}; give host names separated by commas, e.g. \"localhost,127.0.0.1,.corp.example\".");
            }
        }

        return trimmed;
    }

    /// <summary>Whether <paramref name="host"/> is reached directly: "*", the host itself, or a domain it is in (".corp" or "corp").</summary>
    public bool Bypasses(string host) =>
        NoProxy is not null && NoProxy.Split(',').Select(entry => entry.Trim().TrimStart('.')).Where(entry => entry.Length > 0).Any(entry =>
            entry == "*" || string.Equals(host, entry, StringComparison.OrdinalIgnoreCase) || host.EndsWith("." + entry, StringComparison.OrdinalIgnoreCase));
}
