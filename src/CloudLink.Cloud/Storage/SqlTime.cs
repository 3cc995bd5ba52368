namespace CloudLink.Cloud.Storage;

/// <summary>Times are stored as Unix milliseconds (UTC) so that comparisons in SQL are plain integer ones.</summary>
internal static class SqlTime
{
    public static long ToDb(DateTimeOffset value) => value.ToUnixTimeMilliseconds();

    public static DateTimeOffset FromDb(long value) => DateTimeOffset.FromUnixTimeMilliseconds(value);
}
