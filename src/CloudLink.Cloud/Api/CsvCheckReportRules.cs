using CloudLink.Protocol;

namespace CloudLink.Cloud.Api;

/// <summary>Bounds on what an agent may report about a file: kept as it is sent, so it is checked first.</summary>
internal static class CsvCheckReportRules
{
    private const int MaxText = 1000;

    public static string? Problem(CsvCheckReport report)
    {
        if (report.Problems is null || report.Problems.Count > CsvSettingsCheck.MaxListed)
        {
            return $"problems must be a list of at most {CsvSettingsCheck.MaxListed}.";
        }

        if (report.ProblemCount < report.Problems.Count || report.Rows < 0)
        {
            return "problemCount must count at least the problems listed, and rows must not be negative.";
        }

        if (report.Refused != (report.ProblemCount > 0))
        {
            return "refused must be true exactly when problems were found.";
        }

        foreach (var text in new[] { report.DataType, report.Delimiter, report.Encoding })
        {
            if (InputCheck.Label(text, "dataType, delimiter and encoding", 64) is { } problem)
            {
                return problem;
            }
        }

        foreach (var item in report.Problems)
        {
            if (item is null || item.Line < 0 || item.Column < 0 || string.IsNullOrWhiteSpace(item.Message) ||
                item.Message.Length > MaxText || item.Value?.Length > 200 || item.ColumnName?.Length > 200)
            {
                return $"each problem needs a line and column of 0 or more and a message of at most {MaxText} characters; a value and column name of at most 200.";
            }
        }

        return null;
    }
}
