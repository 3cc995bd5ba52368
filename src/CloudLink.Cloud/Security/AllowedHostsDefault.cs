using System.Net;
using System.Net.NetworkInformation;

namespace CloudLink.Cloud.Security;

/// <summary>
/// The Host header values the cloud answers (against DNS rebinding): the AllowedHosts setting
/// when given, else the hosts of the addresses it listens on, loopback always included; a
/// wildcard listen address adds this machine's name and addresses.
/// </summary>
internal static class AllowedHostsDefault
{
    public static IList<string> For(IConfiguration configuration)
    {
        var configured = configuration["AllowedHosts"];
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        }

        var hosts = new SortedSet<string>(StringComparer.OrdinalIgnoreCase) { "localhost", "127.0.0.1", "[::1]" };
        var urls = configuration["urls"] ?? configuration["ASPNETCORE_URLS"] ?? "http://localhost:5000";
        foreach (var url in urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var host = Host(url);
            if (host is "*" or "+" or "0.0.0.0" or "[::]" or "::")
            {
                AddThisMachine(hosts);
            }
            else if (host is not null && !host.StartsWith("unix:", StringComparison.OrdinalIgnoreCase))
            {
                hosts.Add(host);
            }
        }

        return [.. hosts];
    }

    /// <summary>The host of a listen URL such as http://127.0.0.1:5080 or https://*:443.</summary>
    private static string? Host(string url)
    {
        var start = url.IndexOf("://", StringComparison.Ordinal);
        if (start < 0)
        {
            return null;
        }

        var rest = url[(start + 3)..];
        if (rest.StartsWith('['))
        {
            var close = rest.IndexOf(']', StringComparison.Ordinal);
            return close < 0 ? null : rest[..(close + 1)];
        }

        var end = rest.IndexOfAny([':', '/']);
        return end < 0 ? rest : rest[..end];
    }

    private static void AddThisMachine(SortedSet<string> hosts)
    {
        hosts.Add(Dns.GetHostName());
        foreach (var address in NetworkInterface.GetAllNetworkInterfaces().SelectMany(network => network.GetIPProperties().UnicastAddresses))
        {
            hosts.Add(address.Address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6
                ? $"[{address.Address.ToString().Split('%')[0]}]"
                : address.Address.ToString());
        }
    }
}
