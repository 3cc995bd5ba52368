namespace CloudLink.Protocol;

/// <summary>
/// The shape a CSV integration's files are expected to have: set on the integration in the cloud,
/// given to the agent, which checks each file against it before the upload (the upload itself is
/// never changed or held back).
/// </summary>
public sealed class CsvSettingsInfo
{
    /// <summary>interval, contact or agentstatus; the required columns are those of the database types.</summary>
    public string DataType { get; set; } = "interval";

    /// <summary>";", ",", "tab" or "detect".</summary>
    public string Delimiter { get; set; } = "detect";

    /// <summary>
    /// The timestamps' format as .NET writes it (e.g. "dd.MM.yyyy HH:mm"), or "iso" for ISO 8601
    /// (2026-12-01 08:15, 2026-12-01T08:15:00, with seconds, fractions or an offset).
    /// </summary>
    public string TimestampFormat { get; set; } = "iso";

    /// <summary>
    /// utf-8, iso-8859-1, iso-8859-9 or windows-1252. A UTF-8 byte order mark always means UTF-8;
    /// a file without one is read in this encoding.
    /// </summary>
    public string Encoding { get; set; } = "utf-8";
}

/// <summary>What the agent's check of one CSV file found: the cloud keeps it beside the file.</summary>
public sealed class CsvCheckReport
{
    /// <summary>True when the cloud would refuse the file as it is.</summary>
    public bool Refused { get; set; }

    public string DataType { get; set; } = "";
    public string Delimiter { get; set; } = "";
    public string Encoding { get; set; } = "";

    /// <summary>Data rows read (the header not counted).</summary>
    public long Rows { get; set; }

    /// <summary>Every problem found; only the first <see cref="Problems"/> are listed.</summary>
    public long ProblemCount { get; set; }

    public List<CsvProblemInfo> Problems { get; set; } = [];
}

/// <summary>One thing the cloud would refuse, where it is and how to fix it.</summary>
public sealed class CsvProblemInfo
{
    /// <summary>1-based line of the file (0 for the file as a whole).</summary>
    public long Line { get; set; }

    /// <summary>1-based field number (0 for the whole row or file).</summary>
    public int Column { get; set; }

    /// <summary>The header name of that column, if any.</summary>
    public string? ColumnName { get; set; }

    /// <summary>The value as the file holds it (cut to 100 characters).</summary>
    public string? Value { get; set; }

    /// <summary>What is wrong and the fix.</summary>
    public string Message { get; set; } = "";
}
