using CloudLink.Protocol;

namespace CloudLink.Core.CsvCheck;

/// <summary>The check of one file, for Test-CloudLinkCsv: where it is, and what the cloud would refuse in it.</summary>
public sealed class CsvFileCheck(string path, CsvCheckReport report)
{
    public string Path { get; } = path;

    /// <summary>True when the cloud would refuse the file as it is.</summary>
    public bool Refused => report.Refused;

    public long Rows => report.Rows;
    public string DataType => report.DataType;
    public string Delimiter => report.Delimiter;
    public string Encoding => report.Encoding;
    public long ProblemCount => report.ProblemCount;

    /// <summary>The first problems (at most <see cref="CsvSettingsCheck.MaxListed"/>), each with its line, column, value and fix.</summary>
    public IReadOnlyList<CsvProblemInfo> Problems => report.Problems;

    /// <summary>The first problem's message, for the table view.</summary>
    public string? FirstProblem => report.Problems.Count > 0 ? $"line {report.Problems[0].Line}: {report.Problems[0].Message}" : null;
}
