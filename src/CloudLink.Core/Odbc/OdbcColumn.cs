namespace CloudLink.Core.Odbc;

/// <summary>How a column's values are read and written out.</summary>
public enum OdbcValueKind
{
    WholeNumber,
    FloatingPoint,
    Flag,

    /// <summary>Exact numbers (DECIMAL, NUMERIC) and other values kept as the driver's text.</summary>
    ExactNumber,
    Text,
    Date,
    Time,
    Timestamp,

    /// <summary>A timestamp with a time zone offset, kept as the driver's text (normalised to ISO 8601).</summary>
    TimestampWithOffset,

    /// <summary>A timestamp with time zone that the session delivers in UTC (PostgreSQL, whose session CloudLink sets to UTC).</summary>
    TimestampUtc,
    Binary,
}

/// <summary>A result column: its name, its SQL type as the driver describes it, and how CloudLink reads it.</summary>
public sealed record OdbcColumn(string Name, short SqlType, string TypeName, long Size, short DecimalDigits, OdbcValueKind Kind);
