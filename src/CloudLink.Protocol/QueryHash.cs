using System.Security.Cryptography;
using System.Text;

namespace CloudLink.Protocol;

/// <summary>The SHA-256 (lower-case hex) of a query's UTF-8 text, exactly as given: what the cloud records of a change and what an operator approves.</summary>
public static class QueryHash
{
    public static string Of(string query)
    {
        var bytes = Encoding.UTF8.GetBytes(query);
#if NET
        return Convert.ToHexStringLower(SHA256.HashData(bytes));
#else
        using var sha = SHA256.Create();
        return string.Concat(sha.ComputeHash(bytes).Select(b => b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture)));
#endif
    }
}
