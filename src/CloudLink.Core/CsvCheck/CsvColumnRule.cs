using CloudLink.Core.Database;

namespace CloudLink.Core.CsvCheck;

/// <summary>What kind of value a data type's column holds, as the cloud reads it.</summary>
internal enum CsvValueKind
{
    Text,
    Number,
    NumberOrBoolean,
    Timestamp,
    Channel,
}

/// <summary>A column of a data type: its kind and whether it may be empty.</summary>
internal sealed record CsvColumnRule(string Name, CsvValueKind Kind, bool MayBeEmpty)
{
    /// <summary>The columns of a data type that the check reads (required first, then optional).</summary>
    public static IReadOnlyList<CsvColumnRule> Of(DataType type) => type.Name switch
    {
        "interval" =>
        [
            new("queueidentifier", CsvValueKind.Text, false), new("queuename", CsvValueKind.Text, true),
            new("timestamp", CsvValueKind.Timestamp, false), new("offered", CsvValueKind.Number, false),
            new("answered", CsvValueKind.Number, false), new("handlingtime", CsvValueKind.Number, false),
            new("channel", CsvValueKind.Channel, true),
        ],
        "contact" =>
        [
            new("queueidentifier", CsvValueKind.Text, false), new("queuename", CsvValueKind.Text, true),
            new("timestamp", CsvValueKind.Timestamp, false), new("answered", CsvValueKind.NumberOrBoolean, false),
            new("duration", CsvValueKind.Number, true), new("channel", CsvValueKind.Channel, true),
        ],
        _ =>
        [
            new("agentidentifier", CsvValueKind.Text, false), new("starttime", CsvValueKind.Timestamp, false),
            new("endtime", CsvValueKind.Timestamp, true), new("activity", CsvValueKind.Text, false),
        ],
    };
}
