using System.Text;

namespace CloudLink.Agent.Cli;

/// <summary>
/// A secret read from the person, never from the command line where 'ps' and the shell history
/// show it: one line of standard input when it is piped, else a prompt on the terminal that does
/// not echo what is typed.
/// </summary>
internal static class SecretInput
{
    public static string Read(string prompt, string missingHint)
    {
        if (Console.IsInputRedirected)
        {
            return Console.ReadLine() ?? throw new UsageException(missingHint);
        }

        Console.Error.Write(prompt);
        var text = new StringBuilder();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter)
            {
                Console.Error.WriteLine();
                return text.ToString();
            }

            if (key.Key == ConsoleKey.Backspace)
            {
                text.Length = Math.Max(0, text.Length - 1);
            }
            else if (!char.IsControl(key.KeyChar))
            {
                text.Append(key.KeyChar);
            }
        }
    }
}
