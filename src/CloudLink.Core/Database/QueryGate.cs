using CloudLink.Core.Config;
using CloudLink.Core.Instance;
using CloudLink.Core.State;
using CloudLink.Protocol;
using Serilog;

namespace CloudLink.Core.Database;

/// <summary>
/// Decides whether the integration's query may run. The SQL runs with this server's database
/// credentials, so with queryApproval = "local" only a text an operator approved here runs: a
/// query from the cloud waits until 'injixo-cloud-link query approve' records its exact hash, and
/// a changed query waits again. Either way every new query is recorded and logged with its SHA-256.
/// </summary>
public sealed class QueryGate(InstancePaths paths, DatabaseSettings settings, ILogger log, TimeProvider time)
{
    private readonly QueryStore _store = new(paths);
    private string? _seen;
    private string? _waitingLogged;

    /// <summary>True when <paramref name="query"/> may run now.</summary>
    public bool MayRun(string query)
    {
        var sha256 = QueryHash.Of(query);
        if (_seen != sha256 && _store.Current()?.Sha256 != sha256)
        {
            _store.SaveCurrent(new QueryRecord { Sha256 = sha256, Query = query, SeenAt = time.GetUtcNow() });
            log.Information("The integration's query is now SHA-256 {Sha256} (queryApproval = {Approval}).", sha256, settings.QueryApproval);
        }

        _seen = sha256;
        if (!settings.ApprovesLocally || _store.IsApproved(sha256))
        {
            _waitingLogged = null;
            return true;
        }

        if (_waitingLogged != sha256)
        {
            _waitingLogged = sha256;
            log.Warning("The integration's query (SHA-256 {Sha256}) waits for approval on this server (queryApproval = local); nothing is read from the database until then. " +
                        "Run 'injixo-cloud-link query approve' to see the SQL and approve it.", sha256);
        }

        return false;
    }
}
