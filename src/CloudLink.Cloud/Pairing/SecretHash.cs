using System.Security.Cryptography;
using System.Text;

namespace CloudLink.Cloud.Pairing;

/// <summary>Agent secrets are 256-bit random values, so a plain SHA-256 is a sufficient one-way store.</summary>
public static class SecretHash
{
    /// <summary>Shortest secret accepted: 32 bytes in base64url are 43 characters.</summary>
    public const int MinimumSecretLength = 43;

    public static string Of(string secret) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
}
