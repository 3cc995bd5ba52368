namespace CloudLink.Core.Database;

/// <summary>An import data type of SPEC section 6: the columns its query must return and the column its windows are cut on.</summary>
public sealed class DataType
{
    public static readonly IReadOnlyList<string> Channels = ["calls", "chats", "emails", "social_media", "documents", "cases"];

    public static readonly DataType Interval = new(
        "interval", "timestamp",
        ["queueidentifier", "queuename", "timestamp", "offered", "answered", "handlingtime"],
        ["channel"]);

    public static readonly DataType Contact = new(
        "contact", "timestamp",
        ["queueidentifier", "queuename", "timestamp", "answered"],
        ["duration", "channel"]);

    public static readonly DataType AgentStatus = new(
        "agentstatus", "starttime",
        ["agentidentifier", "starttime", "endtime", "activity"],
        []);

    public static readonly IReadOnlyList<DataType> All = [Interval, Contact, AgentStatus];

    private DataType(string name, string timeColumn, IReadOnlyList<string> required, IReadOnlyList<string> optional)
    {
        Name = name;
        TimeColumn = timeColumn;
        Required = required;
        Optional = optional;
    }

    /// <summary>interval, contact or agentstatus.</summary>
    public string Name { get; }

    /// <summary>The column a window is cut on: only rows with this time inside the window are read.</summary>
    public string TimeColumn { get; }

    public IReadOnlyList<string> Required { get; }
    public IReadOnlyList<string> Optional { get; }

    /// <summary>The columns uploaded, in this order: required, then optional.</summary>
    public IEnumerable<string> Columns => Required.Concat(Optional);

    public static DataType Parse(string name) =>
        All.FirstOrDefault(type => type.Name == name.ToLowerInvariant().Replace("_", "").Replace("-", ""))
        ?? throw new ArgumentException($"Unknown data type '{name}': use interval, contact or agentstatus.", nameof(name));

    /// <summary>The required columns a query's result lacks (names compare case-insensitively).</summary>
    public IReadOnlyList<string> Missing(IEnumerable<string> columns)
    {
        var present = new HashSet<string>(columns, StringComparer.OrdinalIgnoreCase);
        return Required.Where(column => !present.Contains(column)).ToList();
    }
}
