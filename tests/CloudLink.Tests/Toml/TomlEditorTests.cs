using System.Text;
using CloudLink.Core.Toml;

namespace CloudLink.Tests.Toml;

/// <summary>Golden edits: each changes only the edited value's bytes (or adds exactly one line).</summary>
public sealed class TomlEditorTests
{
    private const string Commented = "# injixo Cloud Link\r\n" +
        "\r\n" +
        "[app]\r\n" +
        "\tname   =   \"com.injixo.cloud-link\"   # the service name\r\n" +
        "\tverbose=false#no spaces\r\n" +
        "\r\n" +
        "# the cloud\r\n" +
        "[cloud]\r\n" +
        "url = 'https://www.injixo.com'\r\n";

    private static string Set(string text, string path, object value) => TomlEditor.Set(TomlDocument.Parse(text), path, value).Text;

    /// <summary>Asserts that <paramref name="after"/> is <paramref name="before"/> with exactly <paramref name="old"/> replaced by <paramref name="replacement"/>.</summary>
    private static void AssertOnlyReplaced(string before, string after, string old, string replacement)
    {
        var at = before.IndexOf(old, StringComparison.Ordinal);
        Assert.True(at >= 0, $"'{old}' not in the original");
        Assert.Equal(before[..at] + replacement + before[(at + old.Length)..], after);
    }

    [Fact]
    public void Setting_a_value_changes_only_its_bytes_and_keeps_CRLF_tabs_and_comments()
    {
        var after = Set(Commented, "app.verbose", true);
        AssertOnlyReplaced(Commented, after, "verbose=false", "verbose=true");

        var renamed = Set(after, "app.name", "com.injixo.cloud-link.instance.1");
        AssertOnlyReplaced(after, renamed, "\"com.injixo.cloud-link\"", "\"com.injixo.cloud-link.instance.1\"");
    }

    [Fact]
    public void TOML_1_1_inline_tables_over_lines_with_a_trailing_comma_are_edited_in_place()
    {
        const string text = "\uFEFFproxy = {\r\n  url = \"http://p:3128\", # the site proxy\r\n  user = 'ops',\r\n}\r\nat = 07:30\r\nesc = \"\\e[1m\\x41\"\r\n";
        var document = TomlDocument.Parse(text);
        Assert.Equal("ops", document.GetValue(["proxy", "user"]));
        Assert.Equal("\u001b[1mA", document.GetValue(["esc"]));

        var after = Set(text, "proxy.user", "svc");
        AssertOnlyReplaced(text, after, "'ops'", "\"svc\"");

        var (removed, found) = TomlEditor.Remove(TomlDocument.Parse(after), "proxy.url");
        Assert.True(found);
        Assert.Null(removed.GetValue(["proxy", "url"]));
        Assert.Equal("svc", removed.GetValue(["proxy", "user"]));
        Assert.StartsWith("\uFEFF", removed.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_literal_string_value_is_replaced_by_a_string_that_reads_back_the_same()
    {
        var after = Set(Commented, "cloud.url", "https://cloud.example.test");
        AssertOnlyReplaced(Commented, after, "'https://www.injixo.com'", "\"https://cloud.example.test\"");
    }

    [Fact]
    public void A_windows_path_is_escaped_so_it_reads_back_as_that_path()
    {
        var after = TomlEditor.Set(TomlDocument.Parse(Commented), "app.importDirectory", @"c:\import\acd");

        Assert.Equal(@"c:\import\acd", after.GetValue(["app", "importDirectory"]));
        Assert.Contains("\timportDirectory = \"c:\\\\import\\\\acd\"\r\n", after.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_new_key_goes_after_the_last_key_of_its_table_with_the_same_indentation_and_newline()
    {
        var after = Set(Commented, "app.importDirectory", "in");

        AssertOnlyReplaced(Commented, after, "\tverbose=false#no spaces\r\n", "\tverbose=false#no spaces\r\n\timportDirectory = \"in\"\r\n");
    }

    [Fact]
    public void A_missing_table_is_added_at_the_end_after_a_blank_line()
    {
        var after = Set(Commented, "csv.settleSeconds", 10L);

        Assert.Equal(Commented + "\r\n[csv]\r\nsettleSeconds = 10\r\n", after);
    }

    [Fact]
    public void A_file_without_a_final_newline_gets_one_before_the_added_line()
    {
        const string text = "[app]\nname = \"x\"";

        Assert.Equal("[app]\nname = \"x\"\nverbose = true\n", Set(text, "app.verbose", true));
        Assert.Equal("[app]\nname = \"x\"\n\n[cloud]\nurl = \"u\"\n", Set(text, "cloud.url", "u"));
    }

    [Fact]
    public void An_empty_file_gets_the_table_and_the_key()
    {
        Assert.Equal("[app]\nverbose = true\n", Set("", "app.verbose", true));
        Assert.Equal("\uFEFF[app]\nverbose = true\n", Set("\uFEFF", "app.verbose", true));
    }

    [Fact]
    public void Dotted_keys_are_edited_in_place_and_extended_beside_their_siblings()
    {
        const string text = "# root\napp.name = \"a\"   # n\napp.verbose = false\n\n[other]\nx = 1\n";

        AssertOnlyReplaced(text, Set(text, "app.verbose", true), "app.verbose = false", "app.verbose = true");
        AssertOnlyReplaced(text, Set(text, "app.importDirectory", "in"), "app.verbose = false\n", "app.verbose = false\napp.importDirectory = \"in\"\n");
    }

    [Fact]
    public void Inline_table_values_are_edited_in_place_and_new_keys_appended_inside()
    {
        const string text = "app = { name = \"a\", verbose = false }  # inline\n";

        AssertOnlyReplaced(text, Set(text, "app.verbose", true), "verbose = false", "verbose = true");
        AssertOnlyReplaced(text, Set(text, "app.importDirectory", "in"), "verbose = false", "verbose = false, importDirectory = \"in\"");
        Assert.Equal("app = { verbose = true }\n", Set("app = {}\n", "app.verbose", true));
    }

    [Fact]
    public void Tables_out_of_order_and_subtables_keep_their_places()
    {
        const string text = "[cloud]\nurl = \"u\"\n\n[app.sub]\nx = 1\n\n[app]\nname = \"n\"\n";

        AssertOnlyReplaced(text, Set(text, "app.verbose", true), "name = \"n\"\n", "name = \"n\"\nverbose = true\n");
        AssertOnlyReplaced(text, Set(text, "app.sub.y", 2L), "x = 1\n", "x = 1\ny = 2\n");
    }

    [Fact]
    public void A_key_that_needs_quotes_is_quoted()
    {
        var after = TomlEditor.Set(TomlDocument.Parse("[app]\n"), "app.\"odd key\"", "v");

        Assert.Equal("[app]\n\"odd key\" = \"v\"\n", after.Text);
        Assert.Equal("v", after.GetValue(["app", "odd key"]));
    }

    [Fact]
    public void Removing_a_key_removes_its_whole_line_and_nothing_else()
    {
        var (after, removed) = TomlEditor.Remove(TomlDocument.Parse(Commented), "app.verbose");

        Assert.True(removed);
        AssertOnlyReplaced(Commented, after.Text, "\tverbose=false#no spaces\r\n", "");
        Assert.False(TomlEditor.Remove(after, "app.verbose").Removed);
    }

    [Fact]
    public void Removing_from_an_inline_table_takes_one_comma_with_it()
    {
        const string text = "app = { a = 1, b = 2, c = 3 }\n";

        Assert.Equal("app = { a = 1, c = 3 }\n", TomlEditor.Remove(TomlDocument.Parse(text), "app.b").Document.Text);
        Assert.Equal("app = { a = 1, b = 2 }\n", TomlEditor.Remove(TomlDocument.Parse(text), "app.c").Document.Text);
        Assert.Equal("app = { b = 2, c = 3 }\n", TomlEditor.Remove(TomlDocument.Parse(text), "app.a").Document.Text);
    }

    [Theory]
    [InlineData("app = 1\n", "app.verbose", "holds a value")]
    [InlineData("[app]\n", "app", "is a table")]
    [InlineData("[[servers]]\nname = \"a\"\n", "servers.port", "array of tables")]
    public void An_edit_that_cannot_be_made_says_why_and_changes_nothing(string text, string path, string reason)
    {
        var error = Assert.Throws<InvalidOperationException>(() => Set(text, path, true));
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_kind_of_value_is_written_so_that_it_reads_back_equal()
    {
        var values = new object[]
        {
            "plain", "quote \" backslash \\ tab \t newline \n cr \r bell \u0007 del \u007f é 😀", "", true, false,
            0L, -42L, long.MaxValue, long.MinValue, 0.5, -1e300, 5.0, 1e-7, double.PositiveInfinity, double.NegativeInfinity,
        };
        foreach (var value in values)
        {
            var document = TomlEditor.Set(TomlDocument.Parse("[t]\n"), "t.v", value);
            Assert.Equal(value, document.GetValue(["t", "v"]));
        }

        var nan = TomlEditor.Set(TomlDocument.Parse(""), "t.v", double.NaN);
        Assert.True(double.IsNaN((double)nan.GetValue(["t", "v"])!));
    }

    [Fact]
    public void A_byte_order_mark_and_UTF8_text_survive_an_edit()
    {
        var original = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("# Grüße\n[app]\nname = \"Müller\"\n")).ToArray();

        var edited = TomlEditor.Set(TomlDocument.Parse(original), "app.name", "Añejo").ToUtf8();

        Assert.Equal(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("# Grüße\n[app]\nname = \"Añejo\"\n")).ToArray(), edited);
    }
}
