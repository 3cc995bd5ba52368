using System.Data.Common;
using CloudLink.Cloud.Storage;
using CloudLink.Protocol;
using Microsoft.Extensions.Options;

namespace CloudLink.Cloud.Pairing;

/// <summary>
/// Checks PINs that people enter, under attempt limits per integration and across the cloud, and
/// links the agent behind a valid PIN to the integration. A PIN is used once; linking revokes any
/// earlier agent of the integration, since one integration is served by one installation.
/// </summary>
public sealed class PinConnector(CloudDatabase database, TimeProvider time, IOptions<CloudOptions> options)
{
    private readonly Lock _gate = new();

    public PinOutcome Preview(long integrationId, string pin) => Check(integrationId, pin, connect: false);

    public PinOutcome Connect(long integrationId, string pin) => Check(integrationId, pin, connect: true);

    private PinOutcome Check(long integrationId, string pin, bool connect)
    {
        lock (_gate)
        {
            var settings = options.Value;
            var now = time.GetUtcNow();
            var windowStart = SqlTime.ToDb(now - settings.AttemptWindow);
            using var connection = database.Open();
            using var transaction = connection.BeginTransaction();

            var integrationFailures = Count(transaction,
                "SELECT COUNT(*) FROM pin_attempts WHERE success = 0 AND at > @since AND integration_id = @id",
                windowStart, integrationId);
            var globalFailures = Count(transaction,
                "SELECT COUNT(*) FROM pin_attempts WHERE success = 0 AND at > @since", windowStart, integrationId);
            if (integrationFailures >= settings.WrongPinLimitPerIntegration || globalFailures >= settings.WrongPinLimitGlobal)
            {
                return new PinOutcome(PinOutcomeKind.TooManyAttempts);
            }

            var pairing = PinGenerator.IsWellFormed(pin) ? FindPairing(transaction, pin, now) : null;
            if (pairing is null)
            {
                RecordAttempt(transaction, integrationId, now, success: false);
                transaction.Commit();
                var remaining = settings.WrongPinLimitPerIntegration - (int)integrationFailures - 1;
                return new PinOutcome(PinOutcomeKind.Invalid, RemainingAttempts: Math.Max(0, remaining));
            }

            if (!connect)
            {
                return new PinOutcome(PinOutcomeKind.Accepted, Preview: pairing.Preview);
            }

            var agent = LinkAgent(transaction, integrationId, pairing, now);
            RecordAttempt(transaction, integrationId, now, success: true);
            transaction.Commit();
            return new PinOutcome(PinOutcomeKind.Accepted, Preview: pairing.Preview, Agent: agent);
        }
    }

    private static long Count(DbTransaction transaction, string sql, long since, long integrationId) =>
        (long)transaction.Command(sql, ("@since", since), ("@id", integrationId)).ExecuteScalar()!;

    private static void RecordAttempt(DbTransaction transaction, long integrationId, DateTimeOffset now, bool success) =>
        transaction.Command(
            "INSERT INTO pin_attempts (integration_id, at, success) VALUES (@id, @at, @success)",
            ("@id", integrationId), ("@at", SqlTime.ToDb(now)), ("@success", success ? 1 : 0)).ExecuteNonQuery();

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
