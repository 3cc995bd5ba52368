namespace CloudLink.Core.Odbc;

/// <summary>
/// A value bound to a '?' marker with SQLBindParameter: never spliced into the SQL text.
/// Supported: null, long, int, double, string, bool, DateTime (a timestamp without zone).
/// </summary>
public readonly record struct OdbcParameter(object? Value);
