using CloudLink.Cloud.Storage;
using CloudLink.Protocol;
using Microsoft.Extensions.Options;

namespace CloudLink.Cloud.Pairing;

/// <summary>
/// Outstanding PIN requests of unlinked agents, keyed by the hash of the agent's secret. The number
/// of live PINs is capped far below the PIN space, so a PIN search ends at once and no one can fill
/// the space; a pairing expired for longer than a PIN lifetime is deleted.
/// </summary>
public sealed class PairingStore(CloudDatabase database, TimeProvider time, IOptions<CloudOptions> options)
{
    private readonly Lock _gate = new();

    /// <summary>Issues a fresh PIN for the secret, replacing any earlier one of the same agent; null when the cap of live PINs is reached.</summary>
    public PairingStatus? RequestPin(string secretHash, PairingRequest request)
    {
        lock (_gate)
        {
            var now = time.GetUtcNow();
            var expires = now + options.Value.PinLifetime;
            using var connection = database.Open();
            using var transaction = connection.BeginTransaction();
            transaction.Command("DELETE FROM pairings WHERE expires_at < @before",
                ("@before", SqlTime.ToDb(now - options.Value.PinLifetime))).ExecuteNonQuery();
            var live = (long)transaction.Command(
                "SELECT COUNT(*) FROM pairings WHERE pin IS NOT NULL AND expires_at > @now AND secret_hash <> @hash",
                ("@now", SqlTime.ToDb(now)), ("@hash", secretHash)).ExecuteScalar()!;
            if (live >= options.Value.MaxLivePins)
            {
                transaction.Commit();
                return null;
            }

            string pin;
            do
            {
                pin = PinGenerator.Next();
            }
            while (transaction.Command(
                "SELECT 1 FROM pairings WHERE pin = @pin AND expires_at > @now",
                ("@pin", pin), ("@now", SqlTime.ToDb(now))).ExecuteScalar() is not null);

            transaction.Command(
                """
                INSERT INTO pairings (secret_hash, pin, expires_at, host_name, instance_name, agent_version, created_at)
                VALUES (@hash, @pin, @expires, @host, @instance, @version, @now)
                ON CONFLICT (secret_hash) DO UPDATE SET
                    pin = excluded.pin, expires_at = excluded.expires_at, host_name = excluded.host_name,
                    instance_name = excluded.instance_name, agent_version = excluded.agent_version
                """,
                ("@hash", secretHash), ("@pin", pin), ("@expires", SqlTime.ToDb(expires)),
                ("@host", request.HostName), ("@instance", request.InstanceName),
                ("@version", request.AgentVersion), ("@now", SqlTime.ToDb(now))).ExecuteNonQuery();
            transaction.Commit();
            return new PairingStatus { State = PairingState.Waiting, Pin = pin, ExpiresAt = expires };
        }
    }

    /// <summary>Pairings held: live PINs and the rest (expired, or used, and not yet deleted).</summary>
    public (long Live, long Total) Count()
    {
        using var connection = database.Open();
        var now = SqlTime.ToDb(time.GetUtcNow());
        return ((long)connection.Command("SELECT COUNT(*) FROM pairings WHERE pin IS NOT NULL AND expires_at > @now", ("@now", now)).ExecuteScalar()!,
            (long)connection.Command("SELECT COUNT(*) FROM pairings").ExecuteScalar()!);
    }

    /// <summary>The waiting or expired state of an unlinked agent's PIN; null if the secret never asked for one.</summary>
    public PairingStatus? Poll(string secretHash)
    {
        using var connection = database.Open();
        using var command = connection.Command(
            "SELECT pin, expires_at FROM pairings WHERE secret_hash = @hash", ("@hash", secretHash));
        using var reader = command.ExecuteReader();
        if (!reader.Read())
        {
            return null;
        }

        var expires = SqlTime.FromDb(reader.GetInt64(1));
        if (reader.IsDBNull(0) || expires <= time.GetUtcNow())
        {
            return new PairingStatus { State = PairingState.Expired, ExpiresAt = expires };
        }

        return new PairingStatus { State = PairingState.Waiting, Pin = reader.GetString(0), ExpiresAt = expires };
    }
}
