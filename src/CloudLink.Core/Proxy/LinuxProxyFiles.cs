using System.Text;
using CloudLink.Core.State;

namespace CloudLink.Core.Proxy;

/// <summary>
/// The proxy on Linux: /etc/injixo-cloud-link/proxy.env (mode 0600, it may hold a password) with
/// HTTPS_PROXY/https_proxy and NO_PROXY/no_proxy, and for each instance's unit a systemd drop-in
/// (UNIT.d/proxy.conf) that makes the service read it. The scripts write the same files.
/// Everything lives under <paramref name="hostRoot"/> ("/" on a real host).
/// </summary>
public sealed class LinuxProxyFiles(string hostRoot = "/")
{
    public const string EnvironmentFilePath = "/etc/injixo-cloud-link/proxy.env";
    public const string DropInName = "proxy.conf";

    public string EnvironmentFile => Under(EnvironmentFilePath);

    public string DropIn(string unit) => Under($"/etc/systemd/system/{unit}.d/{DropInName}");

    public ProxySettings? Read()
    {
        if (!File.Exists(EnvironmentFile))
        {
            return null;
        }

        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var lineNumber = 0;
        foreach (var line in File.ReadAllLines(EnvironmentFile))
        {
            lineNumber++;
            var trimmed = line.Trim();
            var equals = trimmed.IndexOf('=');
            if (trimmed.Length == 0 || trimmed[0] == '#' || equals < 0)
            {
                continue;
            }

            values[trimmed.Substring(0, equals)] = Unquote(trimmed.Substring(equals + 1));
        }

        if (!values.TryGetValue("HTTPS_PROXY", out var proxy) && !values.TryGetValue("https_proxy", out proxy))
        {
            return null;
        }

        values.TryGetValue("NO_PROXY", out var noProxy);
        return new ProxySettings(ProxyAddress.Parse(proxy, $"HTTPS_PROXY in {EnvironmentFile}"), noProxy);
    }

    /// <summary>Writes the environment file and a drop-in for each of <paramref name="units"/>; run 'systemctl daemon-reload' after.</summary>
    public void Write(ProxySettings settings, IEnumerable<string> units)
    {
        var text = new StringBuilder()
            .Append("# Proxy for the injixo Cloud Link services, written by Set-CloudLinkProxy or cloudlink-proxy.sh.\n")
            .Append("# Each service reads it through its drop-in ").Append(DropInName).Append("; change it with those tools.\n");
        // Both values hold only characters that need no escaping inside single quotes (ProxyAddress
        // percent-encodes credentials, ProxySettings checks NO_PROXY), for systemd and for a shell alike.
        foreach (var name in new[] { "HTTPS_PROXY", "https_proxy" })
        {
            text.Append(name).Append("='").Append(settings.Address.Value).Append("'\n");
        }

        if (settings.NoProxy is not null)
        {
            foreach (var name in new[] { "NO_PROXY", "no_proxy" })
            {
                text.Append(name).Append("='").Append(settings.NoProxy).Append("'\n");
            }
        }

        Directory.CreateDirectory(Path.GetDirectoryName(EnvironmentFile)!);
        AtomicFile.Write(EnvironmentFile, Encoding.UTF8.GetBytes(text.ToString()), privateFile: true);
        foreach (var unit in units)
        {
            WriteDropIn(unit);
        }
    }

    public void WriteDropIn(string unit)
    {
        var path = DropIn(unit);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var text = "# Written by Set-CloudLinkProxy or cloudlink-proxy.sh: the service reads its proxy from this file.\n" +
            "[Service]\nEnvironmentFile=" + EnvironmentFilePath + "\n";
        AtomicFile.Write(path, Encoding.UTF8.GetBytes(text), privateFile: false);
    }

    /// <summary>Removes the environment file and the drop-ins of <paramref name="units"/>; returns the files removed.</summary>
    public IReadOnlyList<string> Remove(IEnumerable<string> units) =>
        units.Select(DropIn).Append(EnvironmentFile).Where(DeleteFile).ToList();

    /// <summary>Removes one unit's drop-in (its instance is uninstalled); the host's proxy stays.</summary>
    public bool RemoveDropIn(string unit) => DeleteFile(DropIn(unit));

    private static bool DeleteFile(string path)
    {
        if (!File.Exists(path))
        {
            return false;
        }

        File.Delete(path);
        var folder = Path.GetDirectoryName(path)!;
        if (folder.EndsWith(".d", StringComparison.Ordinal) && !Directory.EnumerateFileSystemEntries(folder).Any())
        {
            Directory.Delete(folder);
        }

        return true;
    }

    private static string Unquote(string value) =>
        value.Length >= 2 && (value[0] == '\'' || value[0] == '"') && value[value.Length - 1] == value[0] ? value.Substring(1, value.Length - 2) : value;

    private string Under(string absolute) => Path.Combine(hostRoot, absolute.TrimStart('/'));
}
