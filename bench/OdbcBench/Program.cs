using System.Diagnostics;
using CloudLink.Core.Database;
using CloudLink.Core.Odbc;
using OdbcBench;

// MODE CONNECTION_STRING SQL [OUTPUT_FILE]
//   cloudlink         CloudLink's reader into gzip-compressed CSV, as the database import does
//   system-data-odbc  System.Data.Odbc's reader (GetValue) into the same CSV writer and gzip stream
//   bound-floor       CloudLink's reader fetching every row into its bound buffers, formatting nothing
//   unbound-floor     SQLFetch with nothing bound: the driver moves through the rows and converts no value,
//                     the floor no ODBC consumer can go below
if (args.Length < 3 || (args[0] is "cloudlink" or "system-data-odbc" && args.Length != 4))
{
    Console.Error.WriteLine("usage: OdbcBench cloudlink|system-data-odbc|bound-floor|unbound-floor CONNECTION_STRING SQL [OUTPUT_FILE]");
    return 2;
}

var (mode, connectionString, sql) = (args[0], args[1], args[2]);
var clock = Stopwatch.StartNew();
long rows;
switch (mode)
{
    case "cloudlink":
    case "bound-floor":
        using (var connection = OdbcConnection.Open(connectionString, TimeSpan.FromSeconds(30)))
        using (var command = connection.CreateCommand())
        {
            rows = mode == "bound-floor"
                ? OdbcQuery.Run(command, sql, [], FetchOnly, CancellationToken.None)
                : OdbcQuery.Run(command, sql, [], reader =>
                    WindowExporter.Write(reader, type: null, new BackgroundGzipStream(File.Create(args[3])), CancellationToken.None),
                    CancellationToken.None).Rows;
        }

        break;
    case "system-data-odbc":
        rows = SystemDataOdbcExport.Write(connectionString, sql, args[3]);
        break;
    case "unbound-floor":
        rows = UnboundFetch.Count(connectionString, sql);
        break;
    default:
        Console.Error.WriteLine($"unknown mode '{mode}'");
        return 2;
}

Console.WriteLine($"{mode}: {rows} rows in {clock.Elapsed.TotalSeconds:0.00} s");
return 0;

static long FetchOnly(OdbcDataReader reader)
{
    while (reader.Read())
    {
    }

    return reader.RowsRead;
}
