using System.Text.Json;
using CloudLink.Core.Toml;

namespace CloudLink.Tests.Toml;

/// <summary>toml-test, TOML 1.1.0 (and the valid files of 1.0.0): every listed file is its own case.</summary>
public sealed class TomlComplianceTests
{
    [TomlTestTheory]
    [MemberData(nameof(TomlTestCases.Valid), MemberType = typeof(TomlTestCases))]
    public void A_valid_file_parses_to_exactly_the_expected_value(string file)
    {
        var document = TomlDocument.Parse(File.ReadAllBytes(TomlTestCases.FullPath(file)));
        using var expected = JsonDocument.Parse(File.ReadAllText(TomlTestCases.FullPath(Path.ChangeExtension(file, ".json"))));

        var difference = TaggedJsonComparer.Difference(expected.RootElement, document.Root);

        Assert.True(difference is null, difference);
    }

    [TomlTestTheory]
    [MemberData(nameof(TomlTestCases.Valid), MemberType = typeof(TomlTestCases))]
    public void A_valid_file_prints_back_byte_identical(string file)
    {
        var bytes = File.ReadAllBytes(TomlTestCases.FullPath(file));

        var document = TomlDocument.Parse(bytes);

        Assert.Equal(bytes, document.ToUtf8());
    }

    [TomlTestTheory]
    [MemberData(nameof(TomlTestCases.Invalid), MemberType = typeof(TomlTestCases))]
    public void An_invalid_file_is_rejected_with_a_located_error(string file)
    {
        var bytes = File.ReadAllBytes(TomlTestCases.FullPath(file));

        var error = Assert.Throws<TomlException>(() => TomlDocument.Parse(bytes));

        Assert.InRange(error.Line, 1, bytes.Count(b => b == '\n') + 1);
        Assert.True(error.Column >= 1);
        Assert.False(string.IsNullOrWhiteSpace(error.Reason));
    }
}
