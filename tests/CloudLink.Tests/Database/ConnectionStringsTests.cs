using System.IO.Compression;
using System.Text;
using CloudLink.Core.Config;
using CloudLink.Core.Database;

namespace CloudLink.Tests.Database;

public sealed class ConnectionStringsTests
{
    [Fact]
    public void Convenience_forms_become_odbc_connection_strings_with_values_that_cannot_break_out()
    {
        var text = ConnectionStrings.FromSettings(new DatabaseSettings
        {
            Type = "postgresql",
            Host = "db1",
            Database = "acd",
            User = "wfm",
            Password = "p;w}d",
            Options = "SSLMode=require;",
        });

        Assert.Equal("DRIVER={PostgreSQL Unicode};Server=db1;Port=5432;Database=acd;UID=wfm;PWD={p;w}}d};SSLMode=require;", text);
        Assert.Contains("Port=3306;", ConnectionStrings.FromSettings(new DatabaseSettings { Type = "mysql", Host = "h", Database = "d" }), StringComparison.Ordinal);
        Assert.Contains("Port=1444;", ConnectionStrings.FromSettings(new DatabaseSettings { Type = "sqlserver", Host = "h", Database = "d", Port = 1444 }), StringComparison.Ordinal);
        Assert.Equal("DSN=acd", ConnectionStrings.FromSettings(new DatabaseSettings { Type = "odbc", Connection = "DSN=acd" }));
    }

    [Theory]
    [InlineData("DSN=acd;UID=wfm;PWD=s3cret", "DSN=acd;UID=wfm;PWD=***")]
    [InlineData("Server=x;Password={a;b}};c};Database=d", "Server=x;Password=***;Database=d")]
    [InlineData("Driver={X};pwd = hidden ;Port=1", "Driver={X};pwd =***;Port=1")]
    public void Passwords_are_masked(string connectionString, string masked)
    {
        Assert.Equal(masked, ConnectionStrings.Mask(connectionString));
    }

    [Fact]
    public void Background_compression_round_trips_and_bounds_nothing_away()
    {
        using var file = new MemoryStream();
        var expected = new StringBuilder();
        using (var stream = new BackgroundGzipStream(new NonClosingStream(file)))
        {
            for (var i = 0; i < 20_000; i++)
            {
                var line = $"{i},queue {i},Grüße\r\n";
                expected.Append(line);
                stream.Write(Encoding.UTF8.GetBytes(line));
            }
        }

        file.Position = 0;
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var reader = new StreamReader(gzip, Encoding.UTF8);
        Assert.Equal(expected.ToString(), reader.ReadToEnd());
    }

    private sealed class NonClosingStream(Stream inner) : Stream
    {
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => inner.Length;

        public override long Position
        {
            get => inner.Position;
            set => inner.Position = value;
        }

        public override void Flush() => inner.Flush();

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => inner.Write(buffer, offset, count);
    }
}
