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

    /// <summary>The unit file for an instance whose agent is started with <paramref name="command"/>, as <paramref name="user"/> (root when asked for).</summary>
    public static string Render(string appName, string folder, IReadOnlyList<string> command, string user)
    {
        using var stream = typeof(SystemdUnit).Assembly.GetManifestResourceStream("CloudLink.Core.Service.unit.template")!;
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd()
            .Replace("{{Name}}", Specifiers(appName.Replace('\n', ' ')))
            .Replace("{{FolderWord}}", PathWord(folder))
            .Replace("{{Folder}}", Specifiers(folder))
            .Replace("{{ExecStart}}", ExecStart(command))
            .Replace("{{Identity}}", Identity(user));
    }

    /// <summary>
    /// Who the agent runs as: the service user with no capabilities; or root, as asked for, allowed
    /// to read every file (CAP_DAC_READ_SEARCH) but to change none outside its folder.
    /// </summary>
    private static string Identity(string user) => user == "root"
        ? "# Runs as root, as asked for ('service install --user root'): it reads every file, and writes only its folder.\nCapabilityBoundingSet=CAP_DAC_READ_SEARCH"
        : $"User={user}\nCapabilityBoundingSet=";

    /// <summary>The folder a unit file was written for (its WorkingDirectory), or null.</summary>
    public static string? FolderOf(string unitText) => Setting(unitText, "WorkingDirectory=")?.Replace("%%", "%");

    /// <summary>The [app] name a unit file was written for (from its Description), or null.</summary>
    public static string? AppNameOf(string unitText)
    {
        var description = Setting(unitText, "Description=");
        const string Prefix = "injixo Cloud Link (";
        return description is not null && description.StartsWith(Prefix, StringComparison.Ordinal) && description.EndsWith(')')
            ? description.Substring(Prefix.Length, description.Length - Prefix.Length - 1).Replace("%%", "%")
            : null;
    }

    /// <summary>The words of the unit's ExecStart, unquoted as systemd reads them.</summary>
    public static List<string> CommandOf(string unitText)
    {
        var line = Setting(unitText, "ExecStart=") ?? "";
        var words = new List<string>();
        var word = new StringBuilder();
        var quoted = false;
        var started = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (c == '\\' && i + 1 < line.Length)
            {
                word.Append(line[++i]);
            }
            else if (c == '"')
            {
                quoted = !quoted;
                started = true;
            }
            else if (c == ' ' && !quoted)
            {
                if (started)
                {
                    words.Add(word.ToString().Replace("$$", "$").Replace("%%", "%"));
                }

                word.Clear();
                started = false;
            }
            else
            {
                word.Append(c);
                started = true;
            }
        }

        if (started)
        {
            words.Add(word.ToString().Replace("$$", "$").Replace("%%", "%"));
        }

        return words;
    }

    private static string? Setting(string unitText, string prefix) =>
        unitText.Split('\n').Select(line => line.Trim()).FirstOrDefault(line => line.StartsWith(prefix, StringComparison.Ordinal))?.Substring(prefix.Length);

    /// <summary>An ExecStart value that systemd splits back into exactly <paramref name="command"/>.</summary>
    public static string ExecStart(IEnumerable<string> command) => string.Join(" ", command.Select(Quote));

    /// <summary>One ExecStart word: double-quoted with C escapes, '%' and '$' doubled so systemd takes them literally.</summary>
    private static string Quote(string word) =>
        "\"" + Specifiers(word).Replace("\\", "\\\\").Replace("\"", "\\\"").Replace("$", "$$") + "\"";

    /// <summary>A path in a list setting such as ReadWritePaths=: double-quoted, quotes and backslashes escaped, '%' doubled.</summary>
    private static string PathWord(string path) => "\"" + Specifiers(path).Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";

    private static string Specifiers(string text) => text.Replace("%", "%%");
}
