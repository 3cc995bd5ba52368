using System.Text;
using CloudLink.Core.CsvCheck;
using CloudLink.Protocol;
using CloudLink.Tests.Support;

namespace CloudLink.Tests.CsvCheck;

/// <summary>The pre-upload check on real files: what it finds, where, and that it changes nothing.</summary>
public sealed class CsvFileCheckerTests : IDisposable
{
    private const string IntervalHeader = "queueidentifier;queuename;timestamp;offered;answered;handlingtime;channel";
    private readonly TempFolder _folder = new("cloudlink-csvcheck");

    public void Dispose() => _folder.Dispose();

    private CsvCheckReport Check(byte[] content, CsvSettingsInfo? settings = null)
    {
        var path = _folder.Combine($"{Guid.NewGuid():N}.csv");
        File.WriteAllBytes(path, content);
        return CsvFileChecker.Check(path, settings ?? new CsvSettingsInfo());
    }

    private CsvCheckReport Check(string content, CsvSettingsInfo? settings = null) => Check(Encoding.UTF8.GetBytes(content), settings);

    [Theory]
    [InlineData(";", ";")]
    [InlineData(",", ",")]
    [InlineData("\t", "tab")]
    public void A_file_the_cloud_takes_passes_with_its_rows_and_the_delimiter_detected(string delimiter, string name)
    {
        var text = (IntervalHeader + "\nq1;Sales;2026-12-01 08:15;12;10;300.5;calls\nq2;\"Sup\nport\";2026-12-01T08:30:00+01:00;0;0;0;\n").Replace(";", delimiter);

        var report = Check(text);

        Assert.False(report.Refused, string.Join(" | ", report.Problems.Select(p => p.Message)));
        Assert.Equal(2, report.Rows);
        Assert.Equal(name, report.Delimiter);
    }

    [Fact]
    public void Bad_values_are_named_with_line_column_value_and_fix_counting_lines_inside_quotes()
    {
        var report = Check(IntervalHeader + "\nq1;\"two\nlines\";2026-12-01 08:15;1;1;1;calls\nq2;S;2026-02-30 08:15;1,5;x;;fax\n");

        Assert.True(report.Refused);
        Assert.Equal(5, report.ProblemCount);
        var problems = report.Problems.Select(p => (p.Line, p.Column, p.ColumnName, p.Value)).ToList();
        Assert.Equal(
            [(4, 3, "timestamp", "2026-02-30 08:15"), (4, 4, "offered", "1,5"), (4, 5, "answered", "x"), (4, 6, "handlingtime", ""), (4, 7, "channel", "fax")],
            problems.Select(p => ((int)p.Line, p.Column, p.ColumnName, p.Value)).ToList());
        Assert.Contains("is not a number", report.Problems[1].Message, StringComparison.Ordinal);
        Assert.Contains("is required in every row", report.Problems[3].Message, StringComparison.Ordinal);
        Assert.Contains("calls, chats, emails", report.Problems[4].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_columns_are_listed_and_a_wrong_delimiter_is_suggested()
    {
        var report = Check("queueidentifier|queuename|timestamp\nq|n|2026-12-01 08:15\n", new CsvSettingsInfo { Delimiter = ";" });

        var problem = Assert.Single(report.Problems);
        Assert.Equal(1, problem.Line);
        Assert.Contains("lacks the interval columns queueidentifier, queuename, timestamp, offered, answered, handlingtime", problem.Message, StringComparison.Ordinal);
        Assert.Contains("not ';'", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_row_with_the_wrong_number_of_fields_is_named()
    {
        var report = Check(IntervalHeader + "\nq1;Sales;2026-12-01 08:15;12;10;300;calls;extra\n");

        var problem = Assert.Single(report.Problems);
        Assert.Equal(2, problem.Line);
        Assert.Contains("this row has 8 fields and the header 7", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bytes_that_are_not_utf8_are_located_and_a_legacy_encoding_reads_them()
    {
        var content = Encoding.Latin1.GetBytes(IntervalHeader + "\nq1;Bücher;2026-12-01 08:15;1;1;1;calls\n");

        var utf8 = Check(content);
        var latin1 = Check(content, new CsvSettingsInfo { Encoding = "iso-8859-1" });
        var turkish = Check(Encoding.GetEncoding(28599, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback)
            .GetBytes(IntervalHeader + "\nq1;Şube;2026-12-01 08:15;1;1;1;calls\n"), new CsvSettingsInfo { Encoding = "iso-8859-9" });

        var problem = Assert.Single(utf8.Problems);
        Assert.Equal((2L, 2, "queuename"), (problem.Line, problem.Column, problem.ColumnName));
        Assert.Contains("not UTF-8", problem.Message, StringComparison.Ordinal);
        Assert.False(latin1.Refused);
        Assert.Equal("iso-8859-1", latin1.Encoding);
        Assert.False(turkish.Refused);
    }

    [Fact]
    public void A_utf8_byte_order_mark_means_utf8_whatever_the_setting()
    {
        var content = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(IntervalHeader + "\nq1;Bücher;2026-12-01 08:15;1;1;1;calls\n")).ToArray();

        var report = Check(content, new CsvSettingsInfo { Encoding = "windows-1252" });

        Assert.False(report.Refused, string.Join(" | ", report.Problems.Select(p => p.Message)));
        Assert.Equal("utf-8 (byte order mark)", report.Encoding);
    }

    [Fact]
    public void A_timestamp_format_is_read_exactly_and_agent_status_allows_an_empty_end()
    {
        var settings = new CsvSettingsInfo { DataType = "agentstatus", TimestampFormat = "dd.MM.yyyy HH:mm" };

        var report = Check("agentidentifier;starttime;endtime;activity\na1;01.12.2026 08:15;;Talk\na2;2026-12-01 08:15;01.12.2026 09:00;Break\n", settings);

        var problem = Assert.Single(report.Problems);
        Assert.Equal((3L, "starttime"), (problem.Line, problem.ColumnName));
        Assert.Contains("timestamp format dd.MM.yyyy HH:mm", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Only_the_first_problems_are_listed_but_all_are_counted()
    {
        var rows = string.Concat(Enumerable.Range(0, 50).Select(i => $"q{i};S;2026-12-01 08:15;many;1;1;calls\n"));

        var report = Check(IntervalHeader + "\n" + rows);

        Assert.Equal(50, report.ProblemCount);
        Assert.Equal(CsvSettingsCheck.MaxListed, report.Problems.Count);
    }

    [Fact]
    public void An_unclosed_quote_stops_the_check_with_one_problem_that_says_so()
    {
        var report = Check(IntervalHeader + "\nq1;\"never closed;2026-12-01 08:15;1;1;1;calls\n" + new string('x', 1000) + "\n");

        Assert.True(report.Refused);
        Assert.Contains(report.Problems, p => p.Message.Contains("quote", StringComparison.Ordinal));
    }

    [Fact]
    public void The_file_is_only_read()
    {
        var path = _folder.Combine("export.csv");
        var content = Encoding.UTF8.GetBytes(IntervalHeader + "\nq1;S;bad;1;1;1;calls\n");
        File.WriteAllBytes(path, content);
        var modified = new DateTime(2024, 1, 2, 3, 4, 5, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(path, modified);

        Assert.True(CsvFileChecker.Check(path, new CsvSettingsInfo()).Refused);

        Assert.Equal(content, File.ReadAllBytes(path));
        Assert.Equal(modified, File.GetLastWriteTimeUtc(path));
    }

    [Theory]
    [InlineData("dataType", "calls", "dataType must be one of interval, contact, agentstatus.")]
    [InlineData("delimiter", "|", "delimiter must be one of ; , tab or detect.")]
    [InlineData("encoding", "utf-16", "encoding must be one of utf-8, iso-8859-1, iso-8859-9, windows-1252")]
    [InlineData("timestampFormat", "HH:mm", "does not hold a full date and the hour")]
    [InlineData("timestampFormat", "yyyy-MM-dd", "does not hold a full date and the hour")]
    public void Settings_outside_what_the_cloud_knows_are_refused_with_the_values_allowed(string setting, string value, string message)
    {
        var settings = new CsvSettingsInfo();
        switch (setting)
        {
            case "dataType": settings.DataType = value; break;
            case "delimiter": settings.Delimiter = value; break;
            case "encoding": settings.Encoding = value; break;
            default: settings.TimestampFormat = value; break;
        }

        Assert.Contains(message, CsvSettingsCheck.Problem(settings), StringComparison.Ordinal);
        Assert.Null(CsvSettingsCheck.Problem(new CsvSettingsInfo { TimestampFormat = "dd.MM.yyyy HH:mm:ss" }));
    }
}
