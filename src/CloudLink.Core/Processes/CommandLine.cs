using System.Text;

namespace CloudLink.Core.Processes;

/// <summary>Builds command lines the way Windows programs (and .NET on Linux) split them back into arguments.</summary>
public static class CommandLine
{
    /// <summary>One argument, quoted only when it needs to be (spaces, tabs, quotes or empty), backslashes escaped before quotes.</summary>
    public static string Quote(string argument)
    {
        if (argument.Length > 0 && argument.IndexOfAny([' ', '\t', '"', '\n']) < 0)
        {
            return argument;
        }

        var quoted = new StringBuilder("\"");
        var backslashes = 0;
        foreach (var c in argument)
        {
            if (c == '\\')
            {
                backslashes++;
                continue;
            }

            quoted.Append('\\', c == '"' ? (backslashes * 2) + 1 : backslashes);
            backslashes = 0;
            quoted.Append(c);
        }

        return quoted.Append('\\', backslashes * 2).Append('"').ToString();
    }

    /// <summary>One word for a POSIX shell, as a message shows a command to paste: as it is when nothing in it is special, else single-quoted with a quote inside as '\''.</summary>
    public static string ShellQuote(string word) => word.Length > 0 && word.All(IsPlainShellCharacter) ? word : "'" + word.Replace("'", "'\\''") + "'";

    private static bool IsPlainShellCharacter(char c) => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '/' or '.' or '_' or '-' or ':' or ',' or '@' or '%' or '+' or '=';

    public static string Join(IEnumerable<string> arguments) => string.Join(" ", arguments.Select(Quote));

    /// <summary>An msiexec property: PROPERTY="value" with inner quotes doubled, as msiexec expects (it does not follow the C rules).</summary>
    public static string MsiProperty(string name, string value) => $"{name}=\"{value.Replace("\"", "\"\"")}\"";
}
