using System.Data.Common;
using CloudLink.Cloud.Storage;
using Microsoft.AspNetCore.Identity;

namespace CloudLink.Cloud.Accounts;

/// <summary>
/// Accounts (tenants) and their users. Passwords are kept only as ASP.NET Core Identity's
/// password hash (PBKDF2 with a per-user salt); an email belongs to one user of one account.
/// </summary>
public sealed class AccountStore(CloudDatabase database, TimeProvider time)
{
    private static readonly PasswordHasher<PeopleUser> Hasher = new();

    /// <summary>Verified when the email is unknown (or has no password), so that a sign-in takes as long whether or not the user exists.</summary>
    private static readonly string UnknownUserHash = Hasher.HashPassword(new PeopleUser(0, 0, "", ""), Guid.NewGuid().ToString());

    /// <summary>
    /// Creates an account and its first user (with a password, or none until one is set). The
    /// first account also adopts integrations that belong to none: those of a cloud created before accounts existed.
    /// </summary>
    public (PeopleUser User, int Adopted) CreateAccount(string name, string email, string? password)
    {
        using var connection = database.Open();
        using var transaction = connection.BeginTransaction();
        var now = SqlTime.ToDb(time.GetUtcNow());
        if (FindUser(transaction, email) is not null)
        {
            throw new AccountException($"A user with the email {email} exists already.");
        }

        var firstAccount = transaction.Command("SELECT 1 FROM accounts").ExecuteScalar() is null;
        var accountId = (long)transaction.Command("INSERT INTO accounts (name, created_at) VALUES (@name, @now) RETURNING id",
            ("@name", name), ("@now", now)).ExecuteScalar()!;
        var user = new PeopleUser(0, accountId, email, name);
        var userId = (long)transaction.Command(
            "INSERT INTO users (account_id, email, password_hash, created_at) VALUES (@account, @email, @hash, @now) RETURNING id",
            ("@account", accountId), ("@email", Normalize(email)), ("@hash", password is null ? null : Hasher.HashPassword(user, password)), ("@now", now)).ExecuteScalar()!;
        var adopted = firstAccount
            ? transaction.Command("UPDATE integrations SET account_id = @account WHERE account_id IS NULL", ("@account", accountId)).ExecuteNonQuery()
            : 0;
        transaction.Commit();
        return (user with { UserId = userId }, adopted);
    }

    public void SetPassword(string email, string password)
    {
        using var connection = database.Open();
        var user = FindUser(connection, email) ?? throw new AccountException($"There is no user with the email {email}.");
        connection.Command("UPDATE users SET password_hash = @hash WHERE id = @id",
            ("@hash", Hasher.HashPassword(user, password)), ("@id", user.UserId)).ExecuteNonQuery();
    }

    public PeopleUser? FindUser(string email)
    {
        using var connection = database.Open();
        return FindUser(connection, email);
    }

    /// <summary>The user whose email and password these are, or null (also when the user has no password yet).</summary>
    public PeopleUser? CheckPassword(string email, string password)
    {
        using var connection = database.Open();
        var found = connection.Command(UserByEmail, ("@email", Normalize(email)))
            .ReadFirst(reader => new StoredUser(ReadUser(reader), reader.IsDBNull(4) ? null : reader.GetString(4)));
        var verified = Hasher.VerifyHashedPassword(found?.User ?? new PeopleUser(0, 0, "", ""), found?.PasswordHash ?? UnknownUserHash, password);
        return found is { PasswordHash: not null } && verified != PasswordVerificationResult.Failed ? found.User : null;
    }

    /// <summary>Emails are compared without regard to case.</summary>
    public static string Normalize(string email) => email.Trim().ToLowerInvariant();

    private const string UserByEmail =
        "SELECT u.id, u.account_id, u.email, a.name, u.password_hash FROM users u JOIN accounts a ON a.id = u.account_id WHERE u.email = @email";

    private static PeopleUser? FindUser(DbConnection connection, string email) =>
        connection.Command(UserByEmail, ("@email", Normalize(email))).ReadFirst(ReadUser);

    private static PeopleUser? FindUser(DbTransaction transaction, string email) =>
        transaction.Command(UserByEmail, ("@email", Normalize(email))).ReadFirst(ReadUser);

    private sealed record StoredUser(PeopleUser User, string? PasswordHash);

    internal static PeopleUser ReadUser(DbDataReader reader) => new(reader.GetInt64(0), reader.GetInt64(1), reader.GetString(2), reader.GetString(3));
}

/// <summary>An account or user operation that cannot be done, with the reason.</summary>
public sealed class AccountException(string message) : Exception(message);
