using CloudLink.Protocol;

namespace CloudLink.Cloud.Api;

internal static class DatabaseSettingsCheck
{
    private static readonly string[] DataTypes = ["interval", "contact", "agentstatus"];

    /// <summary>What is wrong with a database integration's settings, or null.</summary>
    public static string? Problem(DatabaseSettingsInfo settings)
    {
        if (settings.DataType is null || !DataTypes.Contains(settings.DataType))
        {
            return $"dataType must be one of {string.Join(", ", DataTypes)}.";
        }

        if (string.IsNullOrWhiteSpace(settings.Query))
        {
            return "query is required: the SQL that returns the data type's columns.";
        }

        if (settings.IntervalMinutes is not (15 or 30 or 60))
        {
            return "intervalMinutes must be 15, 30 or 60.";
        }

        if (settings.RealTime && settings.DataType != "agentstatus")
        {
            return "realTime is only for agentstatus data.";
        }

        if (settings.BackfillDays is < 0 or > 1096)
        {
            return "backfillDays must be from 0 to 1096 (three years).";
        }

        if (string.IsNullOrWhiteSpace(settings.TimeZone))
        {
            return "timeZone is required: the database's time zone, an IANA name such as Europe/Berlin.";
        }

        if (settings.Connection is { Length: > 4000 })
        {
            return "connection is at most 4000 characters.";
        }

        try
        {
            TimeZoneInfo.FindSystemTimeZoneById(settings.TimeZone);
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return $"timeZone '{settings.TimeZone}' is not known; use an IANA name such as Europe/Berlin.";
        }

        return null;
    }
}
