using CloudLink.Core.Database;
using CloudLink.Protocol;
using CsvHelper;

namespace CloudLink.Core.CsvCheck;

/// <summary>
/// Reads a CSV file with CsvHelper the way the cloud will and reports what it would refuse:
/// missing required columns, rows with the wrong number of fields, values that are not numbers,
/// timestamps or known channels, and bytes that are not UTF-8, each with its line, column, value
/// and fix. It streams (memory stays flat on any size) and never changes the file.
/// </summary>
public static class CsvFileChecker
{
    /// <summary>A record larger than this is almost always an unclosed quote; it stops the check.</summary>
    private const int MaxRecordBytes = 16 * 1024 * 1024;

    private static readonly byte[] Utf8Bom = [0xEF, 0xBB, 0xBF];

    public static CsvCheckReport Check(string path, CsvSettingsInfo settings)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1, FileOptions.SequentialScan);
        return Check(stream, settings);
    }

    /// <summary>Checks a seekable stream from its start and leaves it open.</summary>
    public static CsvCheckReport Check(Stream stream, CsvSettingsInfo settings)
    {
        var problem = CsvSettingsCheck.Problem(settings);
        if (problem is not null)
        {
            throw new ArgumentException(problem, nameof(settings));
        }

        var report = new CsvCheckReport { DataType = settings.DataType };
        var hasBom = StartsWithBom(stream);
        var legacy = hasBom ? null : CsvSettingsRules.Legacy(settings.Encoding);
        report.Encoding = legacy is null ? hasBom ? "utf-8 (byte order mark)" : "utf-8" : settings.Encoding;
        var options = new CsvReaderOptions
        {
            Separator = CsvSettingsRules.Separator(settings.Delimiter),
            HasHeader = true,
            TrackLineNumbers = true,
            AllowLineBreaksInQuotes = true,
            MaxRecordSize = MaxRecordBytes,
            Encoding = legacy,
            PoolStrings = false,
            OnMalformedRecord = record => Malformed(report, record),
        };

        try
        {
            using var reader = CsvReader.Create(stream, options, leaveOpen: true);
            new Pass(reader, report, settings, legacy is null).Run();
        }
        catch (CsvFormatException e)
        {
            Add(report, new CsvProblemInfo
            {
                Line = e.LineNumber,
                Message = $"the file cannot be read on from here ({e.Message}); this is most often a quote (\") that is never closed. Close it, or write a quote inside a quoted field as \"\".",
            });
        }

        report.Refused = report.ProblemCount > 0;
        return report;
    }

    /// <summary>Quoting that the cloud cannot read as the file meant it; CsvHelper recovers, the cloud would refuse.</summary>
    private static void Malformed(CsvCheckReport report, CsvMalformedRecord record)
    {
        var what = record.Reason switch
        {
            CsvMalformedReason.UnterminatedQuote => "a quoted field is never closed; close it with \", or write a quote inside a quoted field as \"\".",
            CsvMalformedReason.StrayQuote => "a quote (\") stands inside an unquoted field; quote the whole field and write the quote as \"\".",
            CsvMalformedReason.TextAfterClosingQuote => "text follows the closing quote of a field; put the delimiter right after the quote, or write a quote inside the field as \"\".",
            _ => null,
        };
        if (what is not null)
        {
            Add(report, new CsvProblemInfo { Line = record.LineNumber, Message = $"this row's quoting is broken: {what}" });
        }
    }

    internal static void Add(CsvCheckReport report, CsvProblemInfo problem)
    {
        report.ProblemCount++;
        if (report.Problems.Count < CsvSettingsCheck.MaxListed)
        {
            report.Problems.Add(problem);
        }
    }

    private static bool StartsWithBom(Stream stream)
    {
        stream.Position = 0;
        var start = new byte[3];
        var read = 0;
        while (read < 3)
        {
            var got = stream.Read(start, read, 3 - read);
            if (got == 0)
            {
                break;
            }

            read += got;
        }

        stream.Position = 0;
        return read == 3 && start.AsSpan().SequenceEqual(Utf8Bom);
    }

    /// <summary>One reading of the file: the header's columns, then every row.</summary>
    private sealed class Pass(CsvReader reader, CsvCheckReport report, CsvSettingsInfo settings, bool utf8)
    {
        private readonly List<(int Index, CsvColumnRule Rule)> _columns = [];
        private IReadOnlyList<string> _header = [];

        public void Run()
        {
            _header = reader.Headers;
            report.Delimiter = CsvSettingsRules.NameOf(reader.Separator);
            if (_header.Count == 0)
            {
                Add(report, new CsvProblemInfo { Line = 1, Message = "the file is empty; it needs a header row naming the columns." });
                return;
            }

            ReadHeader();
            while (reader.Read())
            {
                report.Rows++;
                CheckRow();
            }
        }

        private void ReadHeader()
        {
            var type = DataType.Parse(settings.DataType);
            var missing = type.Missing(_header.Select(name => name.Trim()));
            if (missing.Count > 0)
            {
                var single = _header.Count == 1 && _header[0].IndexOfAny([';', ',', '\t', '|']) >= 0;
                Add(report, new CsvProblemInfo
                {
                    Line = 1,
                    Message = $"the header lacks the {type.Name} column{(missing.Count == 1 ? "" : "s")} {string.Join(", ", missing)} (it has: {string.Join(", ", _header.Take(20))}). " +
                        (single ? $"The delimiter is probably not '{report.Delimiter}': set the integration's delimiter to the one the file uses."
                                : "Name the columns as the data type requires, or set the integration's data type to the one this file holds."),
                });
            }

            foreach (var rule in CsvColumnRule.Of(type))
            {
                var index = IndexOf(rule.Name);
                if (index >= 0)
                {
                    _columns.Add((index, rule));
                }
            }
        }

        private void CheckRow()
        {
            var line = reader.LineNumber;
            if (utf8 && !Utf8Bytes.IsValid(reader.RawRecord))
            {
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    var field = reader.GetSpan(i);
                    if (!Utf8Bytes.IsValid(field))
                    {
                        Problem(line, i, field, "holds bytes that are not UTF-8. Save the file as UTF-8, or set the integration's encoding to the one the export writes (ISO-8859-1, ISO-8859-9 or Windows-1252).");
                        break;
                    }
                }
            }

            if (reader.FieldCount != _header.Count)
            {
                Add(report, new CsvProblemInfo
                {
                    Line = line,
                    Message = $"this row has {reader.FieldCount} field{(reader.FieldCount == 1 ? "" : "s")} and the header {_header.Count}. " +
                        $"Quote a value that contains the delimiter '{report.Delimiter}' (\"a{(report.Delimiter == "tab" ? "\t" : report.Delimiter)}b\"), or remove the extra delimiters.",
                });
            }

            foreach (var (index, rule) in _columns)
            {
                if (index >= reader.FieldCount)
                {
                    continue;
                }

                var value = reader.GetSpan(index);
                if (value.IsEmpty)
                {
                    if (!rule.MayBeEmpty)
                    {
                        Problem(line, index, value, $"is empty; {rule.Name} is required in every row.");
                    }

                    continue;
                }

                var message = rule.Kind switch
                {
                    CsvValueKind.Number when !CsvValues.IsNumber(value) => "is not a number; write it with digits and '.' for decimals (12 or 12.5), without thousands separators.",
                    CsvValueKind.NumberOrBoolean when !CsvValues.IsNumber(value) && !CsvValues.IsBoolean(value) => "is not a number or true/false.",
                    CsvValueKind.Timestamp when !CsvValues.IsTimestamp(value, settings.TimestampFormat) => settings.TimestampFormat == "iso"
                        ? "is not an ISO 8601 timestamp (2026-12-01 08:15 or 2026-12-01T08:15:00+01:00); change the export, or set the integration's timestamp format to the one the file uses."
                        : $"does not have the timestamp format {settings.TimestampFormat}; change the export, or set the integration's timestamp format to the one the file uses.",
                    CsvValueKind.Channel when !CsvValues.IsChannel(value) => $"is not a channel; use one of {string.Join(", ", DataType.Channels)}, or leave it empty for calls.",
                    _ => null,
                };
                if (message is not null)
                {
                    Problem(line, index, value, message);
                }
            }
        }

        private void Problem(long line, int index, ReadOnlySpan<byte> value, string message)
        {
            var shown = CsvValues.Show(value);
            var name = index < _header.Count ? _header[index] : null;
            Add(report, new CsvProblemInfo
            {
                Line = line,
                Column = index + 1,
                ColumnName = name,
                Value = shown,
                Message = $"'{shown}' in column {index + 1}{(name is null ? "" : $" ({name})")} {message}",
            });
        }

        private int IndexOf(string name)
        {
            for (var i = 0; i < _header.Count; i++)
            {
                if (string.Equals(_header[i].Trim(), name, StringComparison.OrdinalIgnoreCase))
                {
                    return i;
                }
            }

            return -1;
        }
    }
}
