using System.Text.Json;
using CloudLink.Core.Instance;

namespace CloudLink.Core.State;

/// <summary>
/// The query the agent received (state/query.json) and the queries an operator approved
/// (state/query-approvals.json). Written by the state's one writer, the running agent (or
/// 'query approve' holding the lock when none runs); read by everyone.
/// </summary>
public sealed class QueryStore(InstancePaths paths)
{
    public string CurrentFile => Path.Combine(paths.StateFolder, "query.json");

    public string ApprovalsFile => Path.Combine(paths.StateFolder, "query-approvals.json");

    public QueryRecord? Current() => Read(CurrentFile, StateJson.Default.QueryRecord);

    public IReadOnlyList<QueryApproval> Approvals() => Read(ApprovalsFile, StateJson.Default.ListQueryApproval) ?? [];

    public bool IsApproved(string sha256) => Approvals().Any(approval => approval.Sha256 == sha256);

    public void SaveCurrent(QueryRecord record)
    {
        AtomicFile.EnsurePrivateFolder(paths.StateFolder);
        AtomicFile.Write(CurrentFile, JsonSerializer.SerializeToUtf8Bytes(record, StateJson.Default.QueryRecord), privateFile: true);
    }

    /// <summary>Records the approval of <paramref name="sha256"/> (once).</summary>
    public void Approve(string sha256, string approvedBy, DateTimeOffset at)
    {
        var approvals = Approvals().Where(approval => approval.Sha256 != sha256).ToList();
        approvals.Add(new QueryApproval { Sha256 = sha256, ApprovedAt = at, ApprovedBy = approvedBy });
        AtomicFile.EnsurePrivateFolder(paths.StateFolder);
        AtomicFile.Write(ApprovalsFile, JsonSerializer.SerializeToUtf8Bytes(approvals, StateJson.Default.ListQueryApproval), privateFile: true);
    }

    private static T? Read<T>(string path, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type)
        where T : class
    {
        try
        {
            return JsonSerializer.Deserialize(NoFollow.ReadAllBytes(path), type);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException)
        {
            throw new StateException(path, $"cannot be read ({e.Message}); the running agent writes it again when it next reads the integration's settings.", e);
        }
    }
}
