using System.Diagnostics;
using CloudLink.Core.Database;
using CloudLink.Core.Odbc;

if (args.Length != 3)
{
    Console.Error.WriteLine("usage: OdbcBench CONNECTION_STRING SQL OUTPUT_FILE");
    return 2;
}

var clock = Stopwatch.StartNew();
using var connection = OdbcConnection.Open(args[0], TimeSpan.FromSeconds(30));
using var command = connection.CreateCommand();
var result = OdbcQuery.Run(command, args[1], [], reader =>
    WindowExporter.Write(reader, type: null, args[2] == "-" ? Stream.Null : new BackgroundGzipStream(File.Create(args[2])), CancellationToken.None),
    CancellationToken.None);
Console.WriteLine($"{result.Rows} rows in {clock.Elapsed.TotalSeconds:0.00} s");
return 0;
