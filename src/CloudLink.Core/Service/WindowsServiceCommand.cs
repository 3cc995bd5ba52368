namespace CloudLink.Core.Service;

/// <summary>Reads a Windows service's registered command line (its binary path with arguments) as words.</summary>
public static class WindowsServiceCommand
{
    /// <summary>Splits a Windows command line into words (double quotes group, backslashes before quotes escape).</summary>
    public static List<string> Split(string commandLine)
    {
        var words = new List<string>();
        var word = new System.Text.StringBuilder();
        var inQuotes = false;
        var started = false;
        for (var i = 0; i < commandLine.Length; i++)
        {
            var c = commandLine[i];
            if (c == '\\')
            {
                var backslashes = 0;
                while (i < commandLine.Length && commandLine[i] == '\\')
                {
                    backslashes++;
                    i++;
                }

                if (i < commandLine.Length && commandLine[i] == '"')
                {
                    word.Append('\\', backslashes / 2);
                    if (backslashes % 2 == 1)
                    {
                        word.Append('"');
                    }
                    else
                    {
                        inQuotes = !inQuotes;
                    }
                }
                else
                {
                    word.Append('\\', backslashes);
                    i--;
                }

                started = true;
            }
            else if (c == '"')
            {
                inQuotes = !inQuotes;
                started = true;
            }
            else if (c is ' ' or '\t' && !inQuotes)
            {
                if (started)
                {
                    words.Add(word.ToString());
                    word.Clear();
                    started = false;
                }
            }
            else
            {
                word.Append(c);
                started = true;
            }
        }

        if (started)
        {
            words.Add(word.ToString());
        }

        return words;
    }
}
