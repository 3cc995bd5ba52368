using System.Text;
using System.Text.RegularExpressions;

namespace CloudLink.Core.Secrets;

/// <summary>
/// Hides secrets wherever the agent, the cmdlets or the scripts show or log text: the value of
/// every secret-bearing key of an ODBC connection string (PWD, Password, SSLPassword, Token,
/// AccessToken, Secret, ...Key, any case, braced or not) and the password of a URL's user-info.
/// </summary>
public static class SecretMask
{
    /// <summary>Key names (lower case, without spaces, '_' and '-') ending in one of these hold a secret.</summary>
    private static readonly string[] SecretEndings = ["pwd", "password", "passwd", "pass", "secret", "token", "key", "credential", "credentials", "authentication"];

    /// <summary>scheme://user:password@host, the password up to the last '@' before the host (an unencoded '@' in it stays hidden).</summary>
    private static readonly Regex UrlPassword = new(@"(?<prefix>[a-z][a-z0-9+.-]*://[^/@\s:;]*:)[^/\s;]*@(?=[^@/\s;]*(?:[/\s;?#]|$))", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    /// <summary>A connection string (or any text holding one) with every secret value replaced by ***, and URL passwords masked too.</summary>
    public static string ConnectionString(string text) => Url(ConnectionStringValues(text));

    /// <summary>scheme://user:password@host becomes scheme://user:****@host.</summary>
    public static string Url(string text) => UrlPassword.Replace(text, match => match.Groups["prefix"].Value + "****@");

    /// <summary>True when a connection-string key names a secret.</summary>
    public static bool IsSecretKey(string key)
    {
        var normalized = new string(key.Where(c => !char.IsWhiteSpace(c) && c is not ('_' or '-')).ToArray()).ToLowerInvariant();
        return SecretEndings.Any(ending => normalized.EndsWith(ending, StringComparison.Ordinal));
    }

    private static string ConnectionStringValues(string text)
    {
        var result = new StringBuilder(text.Length);
        var i = 0;
        while (i < text.Length)
        {
            var equals = text.IndexOf('=', i);
            var semicolon = text.IndexOf(';', i);
            if (equals < 0)
            {
                result.Append(text, i, text.Length - i);
                break;
            }

            if (semicolon >= 0 && semicolon < equals)
            {
                result.Append(text, i, semicolon + 1 - i);
                i = semicolon + 1;
                continue;
            }

            var key = text.Substring(i, equals - i);
            var end = ValueEnd(text, equals + 1);
            result.Append(key).Append('=').Append(IsSecretKey(key) ? "***" : text.Substring(equals + 1, end - equals - 1));
            i = end;
            if (i < text.Length)
            {
                result.Append(';');
                i++;
            }
        }

        return result.ToString();
    }

    /// <summary>Where a value starting at <paramref name="start"/> ends: the next ';' outside braces ('}}' inside braces is a brace), or the end.</summary>
    private static int ValueEnd(string text, int start)
    {
        var i = start;
        while (i < text.Length && text[i] == ' ')
        {
            i++;
        }

        if (i < text.Length && text[i] == '{')
        {
            for (i++; i < text.Length; i++)
            {
                if (text[i] != '}')
                {
                    continue;
                }

                if (i + 1 < text.Length && text[i + 1] == '}')
                {
                    i++;
                    continue;
                }

                break;
            }
        }

        var semicolon = text.IndexOf(';', Math.Min(i, text.Length));
        return semicolon < 0 ? text.Length : semicolon;
    }
}
