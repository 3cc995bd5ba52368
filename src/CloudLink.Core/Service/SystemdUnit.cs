using System.Text;

namespace CloudLink.Core.Service;

/// <summary>The systemd unit of an instance: its name from [app] name, and its text from the template file.</summary>
public static class SystemdUnit
{
    /// <summary>Longest unit name systemd accepts is 255 characters, ".service" included.</summary>
    private const int MaxNameLength = 200;

    /// <summary>"com.injixo.cloud-link.instance.1" becomes "com.injixo.cloud-link.instance.1.service"; other characters become '-'.</summary>
    public static string Name(string appName)
    {
        var name = new StringBuilder();
        foreach (var c in appName.Trim())
        {
            name.Append(c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or ':' or '-' or '_' or '.' ? c : '-');
        }

        var text = name.ToString().Trim('-', '.');
        if (text.Length == 0)
        {
            text = "injixo-cloud-link";
        }

        return (text.Length > MaxNameLength ? text.Substring(0, MaxNameLength) : text) + ".service";
    }

    /// <summary>The unit file for an instance whose agent is started with <paramref name="command"/>.</summary>
    public static string Render(string appName, string folder, IReadOnlyList<string> command)
    {
        using var stream = typeof(SystemdUnit).Assembly.GetManifestResourceStream("CloudLink.Core.Service.unit.template")!;
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd()
            .Replace("{{Name}}", Specifiers(appName.Replace('\n', ' ')))
            .Replace("{{Folder}}", Specifiers(folder))
            .Replace("{{ExecStart}}", string.Join(" ", command.Select(Quote)));
    }

    /// <summary>The folder a unit file was written for (its WorkingDirectory), or null.</summary>
    public static string? FolderOf(string unitText)
    {
        foreach (var line in unitText.Split('\n'))
        {
            var trimmed = line.Trim();
            if (trimmed.StartsWith("WorkingDirectory=", StringComparison.Ordinal))
            {
                return trimmed.Substring("WorkingDirectory=".Length).Replace("%%", "%");
            }
        }

        return null;
    }

    /// <summary>One ExecStart word: double-quoted with C escapes, '%' and '$' doubled so systemd takes them literally.</summary>
    private static string Quote(string word) =>
        "\"" + Specifiers(word).Replace("\\", "\\\\").Replace("\"", "\\\"").Replace("$", "$$") + "\"";

    private static string Specifiers(string text) => text.Replace("%", "%%");
}
