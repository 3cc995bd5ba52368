using System.Diagnostics;
using System.Text;
using CloudLink.Core.Toml;

namespace CloudLink.Tests.Toml;

/// <summary>Hostile and broken input: only the parser's own error, never a crash, hang or unbounded work.</summary>
public sealed class TomlRobustnessTests
{
    [TomlTestTheory]
    [InlineData(0)]
    public void Thousands_of_byte_mutations_of_the_valid_files_give_a_value_or_a_located_error(int seed)
    {
        var files = TomlTestCases.ValidFiles().Select(File.ReadAllBytes).ToList();
        var random = new Random(seed);
        byte[] interesting = "[]{}\"'\\=.,#\n\r\t 0_-+:eEtTzZ\u0000"u8.ToArray();
        var mutations = 0;
        var rejected = 0;
        var slowest = TimeSpan.Zero;
        foreach (var original in files)
        {
            for (var round = 0; round < 24; round++)
            {
                var bytes = Mutate(original, random, interesting);
                var clock = Stopwatch.StartNew();
                try
                {
                    var document = TomlDocument.Parse(bytes);
                    Assert.Equal(bytes, document.ToUtf8());
                }
                catch (TomlException e)
                {
                    Assert.True(e.Line >= 1 && e.Column >= 1, e.Message);
                    rejected++;
                }

                slowest = clock.Elapsed > slowest ? clock.Elapsed : slowest;
                mutations++;
            }
        }

        Assert.True(mutations >= 5000, $"only {mutations} mutations");
        Assert.True(rejected > mutations / 4, $"only {rejected} of {mutations} mutations were rejected; the mutator is too gentle");
        Assert.True(slowest < TimeSpan.FromSeconds(2), $"one parse took {slowest}");
    }

    private static byte[] Mutate(byte[] original, Random random, byte[] interesting)
    {
        var bytes = new List<byte>(original);
        for (var edits = random.Next(1, 4); edits > 0; edits--)
        {
            var at = bytes.Count == 0 ? 0 : random.Next(bytes.Count);
            switch (random.Next(5))
            {
                case 0 when bytes.Count > 0:
                    bytes[at] = (byte)random.Next(256);
                    break;
                case 1:
                    bytes.Insert(at, interesting[random.Next(interesting.Length)]);
                    break;
                case 2 when bytes.Count > 0:
                    bytes.RemoveAt(at);
                    break;
                case 3 when bytes.Count > 0:
                    var length = Math.Min(random.Next(1, 16), bytes.Count - at);
                    bytes.InsertRange(random.Next(bytes.Count), bytes.GetRange(at, length));
                    break;
                default:
                    bytes.Insert(at, (byte)random.Next(128));
                    break;
            }
        }

        return [.. bytes];
    }

    [Theory]
    [InlineData('[', ']')]
    [InlineData('{', '}')]
    public void Deep_nesting_is_refused_with_an_error_not_a_stack_overflow(char open, char close)
    {
        var depth = 100_000;
        var text = open == '['
            ? "a = " + new string('[', depth) + new string(']', depth)
            : "a = " + string.Concat(Enumerable.Repeat("{b=", depth)) + "1" + new string('}', depth);

        var error = Assert.Throws<TomlException>(() => TomlDocument.Parse(text));

        Assert.Contains("nested more than", error.Message, StringComparison.Ordinal);
        _ = close;
    }

    [Fact]
    public void A_key_with_very_many_dots_is_refused()
    {
        var text = string.Join(".", Enumerable.Repeat("k", 10_000)) + " = 1";

        Assert.Contains("dotted parts", Assert.Throws<TomlException>(() => TomlDocument.Parse(text)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_oversized_document_is_refused_before_parsing()
    {
        var bytes = new byte[TomlLimits.MaxDocumentBytes + 1];
        Array.Fill(bytes, (byte)'#');

        Assert.Contains("larger than", Assert.Throws<TomlException>(() => TomlDocument.Parse(bytes)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bytes_that_are_not_UTF8_are_located()
    {
        var bytes = Encoding.ASCII.GetBytes("a = 1\nb = \"x").Concat(new byte[] { 0xFF }).Concat(Encoding.ASCII.GetBytes("\"\n")).ToArray();

        var error = Assert.Throws<TomlException>(() => TomlDocument.Parse(bytes));

        Assert.Equal(2, error.Line);
        Assert.Equal(7, error.Column);
        Assert.Contains("UTF-8", error.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a = 1\na = 2\n", 2, 1, "defined twice")]
    [InlineData("[t]\n[t]\n", 2, 1, "defined twice")]
    [InlineData("s = \"c:\\import\"\n", 1, 8, "is not an escape")]
    [InlineData("n = 0123\n", 1, 5, "no leading zeros")]
    [InlineData("n = 1__0\n", 1, 7, "single '_'")]
    [InlineData("d = 2026-02-30\n", 1, 5, "does not exist")]
    [InlineData("v = yes\n", 1, 5, "must be in quotes")]
    [InlineData("k = \n", 1, 5, "has no value")]
    [InlineData("t = { a = 1 b = 2 }\n", 1, 13, "separated by ','")]
    [InlineData("a = [1 2]\n", 1, 8, "separated by ','")]
    [InlineData("a = \"x\n", 1, 7, "not closed on its line")]
    [InlineData("s = \"\uFFFD\"\n", 1, 6, "write it as \\uFFFD")]
    public void Errors_name_the_line_column_and_what_is_wrong(string text, int line, int column, string reason)
    {
        var error = Assert.Throws<TomlException>(() => TomlDocument.Parse(text));

        Assert.Equal((line, column), (error.Line, error.Column));
        Assert.Contains(reason, error.Reason, StringComparison.Ordinal);
    }
}
