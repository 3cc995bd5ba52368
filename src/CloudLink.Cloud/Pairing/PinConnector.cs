using System.Data.Common;
using CloudLink.Cloud.Accounts;
using CloudLink.Cloud.Storage;
using CloudLink.Protocol;
using Microsoft.Extensions.Options;

namespace CloudLink.Cloud.Pairing;

/// <summary>
/// Checks PINs that people enter and links the agent behind a valid PIN to the integration. Wrong
/// PINs are counted in a sliding window per integration, per account and per source address, and
/// nowhere else: however many wrong PINs one account or address enters, another account's correct
/// PIN from another address still works. A PIN is used once; linking revokes any earlier agent of
/// the integration, since one integration is served by one installation.
/// </summary>
public sealed class PinConnector(CloudDatabase database, TimeProvider time, IOptions<CloudOptions> options)
{
    private readonly Lock _gate = new();

    public PinOutcome Preview(PeopleUser user, long integrationId, string pin, string source) => Check(user, integrationId, pin, source, connect: false);

    public PinOutcome Connect(PeopleUser user, long integrationId, string pin, string source) => Check(user, integrationId, pin, source, connect: true);

    private PinOutcome Check(PeopleUser user, long integrationId, string pin, string source, bool connect)
    {
        lock (_gate)
        {
            var settings = options.Value;
            var now = time.GetUtcNow();
            var since = SqlTime.ToDb(now - settings.AttemptWindow);
            using var connection = database.Open();
            using var transaction = connection.BeginTransaction();

            var integrationFailures = Failures(transaction, "integration_id", integrationId, since);
            var limit =
                integrationFailures >= settings.WrongPinLimitPerIntegration ? "integration"
                : Failures(transaction, "account_id", user.AccountId, since) >= settings.WrongPinLimitPerAccount ? "account"
                : Failures(transaction, "source", source, since) >= settings.WrongPinLimitPerAddress ? "address"
                : null;
            if (limit is not null)
            {
                return new PinOutcome(PinOutcomeKind.TooManyAttempts, Limit: limit);
            }

            var pairing = PinGenerator.IsWellFormed(pin) ? FindPairing(transaction, pin, now) : null;
            if (pairing is null)
            {
                RecordAttempt(transaction, integrationId, user.AccountId, source, now, success: false);
                transaction.Commit();
                var remaining = settings.WrongPinLimitPerIntegration - (int)integrationFailures - 1;
                return new PinOutcome(PinOutcomeKind.Invalid, RemainingAttempts: Math.Max(0, remaining));
            }

            if (!connect)
            {
                return new PinOutcome(PinOutcomeKind.Accepted, Preview: pairing.Preview);
            }

            var agent = LinkAgent(transaction, integrationId, pairing, now);
            RecordAttempt(transaction, integrationId, user.AccountId, source, now, success: true);
            transaction.Commit();
            return new PinOutcome(PinOutcomeKind.Accepted, Preview: pairing.Preview, Agent: agent);
        }
    }

    private static long Failures(DbTransaction transaction, string column, object value, long since) =>
        (long)transaction.Command($"SELECT COUNT(*) FROM pin_attempts WHERE success = 0 AND at > @since AND {column} = @value",
            ("@since", since), ("@value", value)).ExecuteScalar()!;

    private static void RecordAttempt(DbTransaction transaction, long integrationId, long accountId, string source, DateTimeOffset now, bool success) =>
        transaction.Command(
            "INSERT INTO pin_attempts (integration_id, account_id, source, at, success) VALUES (@id, @account, @source, @at, @success)",
            ("@id", integrationId), ("@account", accountId), ("@source", source), ("@at", SqlTime.ToDb(now)), ("@success", success ? 1 : 0)).ExecuteNonQuery();

    private sealed record PendingPairing(long Id, string SecretHash, PinPreview Preview);

    private static PendingPairing? FindPairing(DbTransaction transaction, string pin, DateTimeOffset now)
    {
        return transaction.Command(
            "SELECT id, secret_hash, host_name, instance_name, agent_version, expires_at FROM pairings WHERE pin = @pin AND expires_at > @now",
            ("@pin", pin), ("@now", SqlTime.ToDb(now))).ReadFirst(reader => new PendingPairing(reader.GetInt64(0), reader.GetString(1), new PinPreview
            {
                HostName = reader.GetString(2),
                InstanceName = reader.GetString(3),
                AgentVersion = reader.GetString(4),
                ExpiresAt = SqlTime.FromDb(reader.GetInt64(5)),
            }));
    }

    private static AgentInfo LinkAgent(DbTransaction transaction, long integrationId, PendingPairing pairing, DateTimeOffset now)
    {
        transaction.Command(
            "UPDATE agents SET revoked_at = @now WHERE integration_id = @id AND revoked_at IS NULL",
            ("@now", SqlTime.ToDb(now)), ("@id", integrationId)).ExecuteNonQuery();
        transaction.Command("UPDATE pairings SET pin = NULL WHERE id = @id", ("@id", pairing.Id)).ExecuteNonQuery();
        return transaction.Command(
            """
            INSERT INTO agents (secret_hash, integration_id, host_name, instance_name, agent_version, linked_at)
            VALUES (@hash, @integration, @host, @instance, @version, @now)
            RETURNING
            """ + " " + AgentStore.InfoColumns,
            ("@hash", pairing.SecretHash), ("@integration", integrationId), ("@host", pairing.Preview.HostName),
            ("@instance", pairing.Preview.InstanceName), ("@version", pairing.Preview.AgentVersion),
            ("@now", SqlTime.ToDb(now))).ReadFirst(AgentStore.ReadInfo)!;
    }
}
