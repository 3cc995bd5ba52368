namespace CloudLink.Tests.Odbc.Differential;

/// <summary>
/// A column of a generated table: its SQL declaration, what it holds, and a generator of SQL
/// literals for it (never NULL: the table decides that). <see cref="ClientExpression"/> is how
/// the database's own client is asked for it (e.g. HEX({0}) where the client prints raw bytes).
/// </summary>
public sealed record ColumnSpec(string Name, string Declaration, ValueClass Class, Func<RandomValues, string> Literal)
{
    /// <summary>True when values can be longer than what CloudLink binds, so reading it may go row by row.</summary>
    public bool MayBeLong { get; init; }

    public string ClientExpression { get; init; } = "{0}";
}
