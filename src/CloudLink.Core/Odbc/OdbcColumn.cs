namespace CloudLink.Core.Odbc;

/// <summary>How a column's values are read and written out.</summary>
public enum OdbcValueKind
{
    WholeNumber,

    /// <summary>BIGINT UNSIGNED (MySQL, MariaDB): up to 18446744073709551615, beyond a signed 64-bit integer.</summary>
    UnsignedWholeNumber,

    /// <summary>Double precision (DOUBLE, FLOAT): written as the shortest text that reads back as the same double.</summary>
    FloatingPoint,

    /// <summary>Single precision (REAL, MySQL FLOAT): written as the float it is, so 0.1 stays 0.1 and does not become 0.10000000149011612.</summary>
    SinglePrecision,
    Flag,

    /// <summary>Exact numbers (DECIMAL, NUMERIC) of any precision, kept as the driver's text.</summary>
    ExactNumber,
    Text,
    Date,

    /// <summary>A time of day (or MySQL's signed duration), kept as the driver's text so its fraction of a second survives.</summary>
    Time,
    Timestamp,

    /// <summary>A timestamp with a time zone offset, kept as the driver's text (normalised to ISO 8601).</summary>
    TimestampWithOffset,

    /// <summary>A timestamp with time zone that the session delivers in UTC (PostgreSQL, whose session CloudLink sets to UTC).</summary>
    TimestampUtc,
    Binary,
}

/// <summary>
/// A result column: its name, its SQL type as the driver describes it (size in characters or
/// digits, octet length in bytes where the driver reports one), and how CloudLink reads it.
/// </summary>
public sealed record OdbcColumn(string Name, short SqlType, string TypeName, long Size, short DecimalDigits, OdbcValueKind Kind)
{
    /// <summary>The driver's SQL_DESC_OCTET_LENGTH: the most bytes a value takes at the source; 0 when not reported.</summary>
    public long OctetLength { get; init; }
}
