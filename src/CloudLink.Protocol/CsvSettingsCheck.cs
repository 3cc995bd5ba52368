using System.Globalization;

namespace CloudLink.Protocol;

/// <summary>What a CSV integration's settings may say: the cloud refuses others, the agent's 'csv check' too.</summary>
public static class CsvSettingsCheck
{
    public static readonly IReadOnlyList<string> DataTypes = ["interval", "contact", "agentstatus"];
    public static readonly IReadOnlyList<string> Delimiters = [";", ",", "tab", "detect"];
    public static readonly IReadOnlyList<string> Encodings = ["utf-8", "iso-8859-1", "iso-8859-9", "windows-1252"];

    /// <summary>Problems listed in a <see cref="CsvCheckReport"/>; the rest are counted.</summary>
    public const int MaxListed = 20;

    /// <summary>What is wrong with the settings (naming the setting and the values allowed), or null.</summary>
    public static string? Problem(CsvSettingsInfo settings)
    {
        if (!DataTypes.Contains(settings.DataType))
        {
            return $"dataType must be one of {string.Join(", ", DataTypes)}.";
        }

        if (!Delimiters.Contains(settings.Delimiter))
        {
            return "delimiter must be one of ; , tab or detect.";
        }

        if (!Encodings.Contains(settings.Encoding))
        {
            return $"encoding must be one of {string.Join(", ", Encodings)} (UTF-8 with a byte order mark is always recognised).";
        }

        var format = settings.TimestampFormat;
        if (string.IsNullOrWhiteSpace(format) || format.Length > 64)
        {
            return "timestampFormat must be \"iso\" or a .NET date format of at most 64 characters, such as dd.MM.yyyy HH:mm.";
        }

        if (format != "iso")
        {
            // A format that cannot write a date back the way it reads is not a date format.
            var sample = new DateTime(2026, 12, 31, 23, 45, 56, DateTimeKind.Unspecified);
            string written;
            try
            {
                written = sample.ToString(format, CultureInfo.InvariantCulture);
            }
            catch (FormatException)
            {
                return $"timestampFormat '{format}' is not a .NET date format; write it like dd.MM.yyyy HH:mm.";
            }

            if (!DateTime.TryParseExact(written, format, CultureInfo.InvariantCulture, DateTimeStyles.None, out var read) || read.Date != sample.Date ||
                !format.Contains('H') && !format.Contains('h'))
            {
                return $"timestampFormat '{format}' does not hold a full date and the hour; write it like dd.MM.yyyy HH:mm.";
            }
        }

        return null;
    }
}
