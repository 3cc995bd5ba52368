using System.Globalization;

namespace CloudLink.Installer.Transforms;

internal enum ChangeKind
{
    Insert,
    Update,
    Delete,
}

/// <summary>
/// One row a transform inserts, updates or deletes: the row's key columns and, for an insert every
/// other column, for an update the changed ones. Values are strings, ints or null.
/// </summary>
internal sealed record RowChange(string Table, ChangeKind Kind, IReadOnlyList<KeyValuePair<string, object?>> Values)
{
    public object? this[string column] => Values.FirstOrDefault(v => v.Key == column).Value;

    public override string ToString() =>
        $"{Table} {Kind.ToString().ToLowerInvariant()} " + string.Join(", ", Values.Select(v => $"{v.Key}={Show(v.Value)}"));

    private static string Show(object? value) => value switch
    {
        null => "null",
        string text => '"' + text + '"',
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };
}
