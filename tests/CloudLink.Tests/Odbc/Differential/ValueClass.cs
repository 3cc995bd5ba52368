namespace CloudLink.Tests.Odbc.Differential;

/// <summary>What a generated column holds, which decides how its three readings are brought to one comparable form.</summary>
public enum ValueClass
{
    WholeNumber,
    ExactNumber,
    DoublePrecision,
    SinglePrecision,
    Boolean,
    Text,
    Binary,
    Date,
    Time,
    Timestamp,
    TimestampWithZone,
}
