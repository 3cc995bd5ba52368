namespace CloudLink.Core.Uploads;

/// <summary>A *.csv file in the import folder as seen by one scan.</summary>
public sealed record CsvCandidate(string Path, string Name, long Size, long ModifiedTicks);
