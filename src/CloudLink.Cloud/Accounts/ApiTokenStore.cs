using System.Data.Common;
using System.Security.Cryptography;
using CloudLink.Cloud.Pairing;
using CloudLink.Cloud.Storage;
using CloudLink.Protocol;

namespace CloudLink.Cloud.Accounts;

/// <summary>
/// Personal API tokens: 256 random bits, shown once when created, kept only as their SHA-256
/// (a token is not a password a person chose, so a fast hash of it is enough), listed and revoked per user.
/// </summary>
public sealed class ApiTokenStore(CloudDatabase database, TimeProvider time)
{
    /// <summary>Every token starts with this, so that a leaked one is recognisable (and cannot be mistaken for an agent's secret).</summary>
    public const string Prefix = "clt_";

    private const string InfoColumns = "id, name, created_at, last_used_at, revoked_at";

    public CreatedApiToken Create(long userId, string name)
    {
        var token = Prefix + Base64Url(RandomNumberGenerator.GetBytes(32));
        using var connection = database.Open();
        var id = (long)connection.Command(
            "INSERT INTO api_tokens (user_id, name, token_hash, created_at) VALUES (@user, @name, @hash, @now) RETURNING id",
            ("@user", userId), ("@name", name), ("@hash", SecretHash.Of(token)), ("@now", SqlTime.ToDb(time.GetUtcNow()))).ExecuteScalar()!;
        return new CreatedApiToken { Id = id, Name = name, Token = token };
    }

    public IReadOnlyList<ApiTokenInfo> List(long userId)
    {
        using var connection = database.Open();
        return connection.Command("SELECT " + InfoColumns + " FROM api_tokens WHERE user_id = @user ORDER BY id", ("@user", userId)).ReadAll(ReadInfo);
    }

    /// <summary>Revokes one of the user's own live tokens; false for a token that is not the user's, or revoked already.</summary>
    public bool Revoke(long userId, long tokenId)
    {
        using var connection = database.Open();
        return connection.Command(
            "UPDATE api_tokens SET revoked_at = @now WHERE id = @id AND user_id = @user AND revoked_at IS NULL",
            ("@now", SqlTime.ToDb(time.GetUtcNow())), ("@id", tokenId), ("@user", userId)).ExecuteNonQuery() == 1;
    }

    /// <summary>The user a live token belongs to, or null; records when it was last used.</summary>
    public PeopleUser? Authenticate(string token)
    {
        if (!token.StartsWith(Prefix, StringComparison.Ordinal) || token.Length > 100)
        {
            return null;
        }

        using var connection = database.Open();
        var hash = SecretHash.Of(token);
        var found = connection.Command(
            """
            SELECT u.id, u.account_id, u.email, a.name, t.id FROM api_tokens t
            JOIN users u ON u.id = t.user_id JOIN accounts a ON a.id = u.account_id
            WHERE t.token_hash = @hash AND t.revoked_at IS NULL
            """,
            ("@hash", hash)).ReadFirst(reader => new TokenOwner(AccountStore.ReadUser(reader), reader.GetInt64(4)));
        if (found is null)
        {
            return null;
        }

        connection.Command("UPDATE api_tokens SET last_used_at = @now WHERE id = @id",
            ("@now", SqlTime.ToDb(time.GetUtcNow())), ("@id", found.TokenId)).ExecuteNonQuery();
        return found.User;
    }

    private sealed record TokenOwner(PeopleUser User, long TokenId);

    private static ApiTokenInfo ReadInfo(DbDataReader reader) => new()
    {
        Id = reader.GetInt64(0),
        Name = reader.GetString(1),
        CreatedAt = SqlTime.FromDb(reader.GetInt64(2)),
        LastUsedAt = reader.NullableTime(3),
        RevokedAt = reader.NullableTime(4),
    };

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
