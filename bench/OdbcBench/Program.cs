using System.Diagnostics;
using CloudLink.Core.Database;
using CloudLink.Core.Odbc;

// OUTPUT_FILE "--fetch-only" fetches every row into the bound buffers and formats nothing: the
// driver's own floor, which no ODBC consumer can go below.
if (args.Length != 3)
{
    Console.Error.WriteLine("usage: OdbcBench CONNECTION_STRING SQL OUTPUT_FILE|--fetch-only");
    return 2;
}

var clock = Stopwatch.StartNew();
using var connection = OdbcConnection.Open(args[0], TimeSpan.FromSeconds(30));
using var command = connection.CreateCommand();
var rows = args[2] == "--fetch-only"
    ? OdbcQuery.Run(command, args[1], [], FetchOnly, CancellationToken.None)
    : OdbcQuery.Run(command, args[1], [], reader =>
        WindowExporter.Write(reader, type: null, new BackgroundGzipStream(File.Create(args[2])), CancellationToken.None),
        CancellationToken.None).Rows;
Console.WriteLine($"{rows} rows in {clock.Elapsed.TotalSeconds:0.00} s");
return 0;

static long FetchOnly(OdbcDataReader reader)
{
    while (reader.Read())
    {
    }

    return reader.RowsRead;
}
