using CloudLink.Installer;
using CloudLink.Installer.CompoundFiles;
using CloudLink.Installer.Database;
using CloudLink.Installer.Transforms;
using CloudLink.Tests.Support;

namespace CloudLink.Tests.Install;

/// <summary>The pieces of the MSI format the transforms are made of, each written and read back, and bad input named.</summary>
public sealed class InstallerFormatTests
{
    [Theory]
    [InlineData("Property", "\u4840\u4559\u44f2\u4568\u4737")]
    [InlineData("_StringPool", null)]
    [InlineData("ServiceInstall", null)]
    [InlineData("a.b_c", null)]
    public void Stream_names_are_packed_two_characters_to_a_unit_and_unpacked_again(string table, string? expected)
    {
        var encoded = StreamName.Table(table);
        if (expected is not null)
        {
            Assert.Equal(expected, encoded);
        }

        Assert.True(encoded.Length <= 1 + ((table.Length + 1) / 2));
        Assert.Equal(StreamName.TableMark + table, StreamName.TableMark + StreamName.Decode(encoded[1..]));
    }

    [Fact]
    public void A_string_pool_keeps_ids_and_null_and_reads_back_what_it_wrote()
    {
        var pool = new StringPool(StringPool.Latin1CodePage);
        Assert.Equal(0, pool.Add(null));
        var first = pool.Add("injixo Cloud Link (Instance 1)");
        var second = pool.Add("{6F1D9E0B-3C2A-4E7B-9A58-1B2C3D4E5F60}");
        Assert.Equal(first, pool.Add("injixo Cloud Link (Instance 1)"));

        var (data, strings) = pool.Write();
        var read = StringPool.Read(data, strings, "test");

        Assert.Equal(StringPool.Latin1CodePage, read.CodePage);
        Assert.Equal("injixo Cloud Link (Instance 1)", read[first]);
        Assert.Equal("{6F1D9E0B-3C2A-4E7B-9A58-1B2C3D4E5F60}", read[second]);
        Assert.Null(read[0]);
        Assert.Contains("string id 9 is not in the string pool (it has 2)", Assert.Throws<InstallerException>(() => read[9]).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_string_a_codepage_could_read_differently_is_refused()
    {
        var error = Assert.Throws<InstallerException>(() => new StringPool(StringPool.Latin1CodePage).Add("Größe"));
        Assert.Contains("printable ASCII only", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_truncated_string_pool_is_named_with_its_size()
    {
        var error = Assert.Throws<InstallerException>(() => StringPool.Read(new byte[6], [], "broken.msi"));
        Assert.Equal("broken.msi: _StringPool has 6 bytes, not a whole number of entries.", error.Message);
    }

    [Fact]
    public void Summary_information_reads_back_its_numbers_and_strings()
    {
        var written = new Dictionary<int, object>
        {
            [SummaryInformation.CodePage] = (short)1252,
            [SummaryInformation.Template] = "x64;1033",
            [SummaryInformation.RevisionNumber] = "{A}1.0.0;{B}1.0.0;{C}",
            [SummaryInformation.CharacterCount] = 0x20000,
        };

        var read = SummaryInformation.Read(SummaryInformation.Write(written), "test");

        Assert.Equal(written, read);
        Assert.Contains("truncated", Assert.Throws<InstallerException>(() => SummaryInformation.Read(new byte[20], "x.mst")).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_that_is_not_a_compound_file_is_named()
    {
        using var folder = new TempFolder("cloudlink-msi-format");
        File.WriteAllText(folder.Combine("notes.msi"), "not an MSI");

        var error = Assert.Throws<InstallerException>(() => MsiDatabase.Read(folder.Combine("notes.msi")));

        Assert.StartsWith($"{folder.Combine("notes.msi")}: not a compound file (an MSI or a transform)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_file_is_named()
    {
        var error = Assert.Throws<InstallerException>(() => MsiDatabase.Read("/nonexistent/injixo-cloud-link.msi"));
        Assert.StartsWith("/nonexistent/injixo-cloud-link.msi: cannot open: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_compound_file_written_through_libgsf_reads_back_with_its_storages_and_class_ids()
    {
        using var folder = new TempFolder("cloudlink-msi-format");
        var classId = Guid.NewGuid();
        var tree = new CompoundStorage("", classId,
        [
            new CompoundStream("a", [1, 2, 3]),
            new CompoundStream("empty", []),
            new CompoundStorage("instance.1", Transform.ClassId, [new CompoundStream("b", new byte[5000])]),
        ]);

        CompoundFile.Write(folder.Combine("tree.cfb"), tree);
        var read = CompoundFile.Read(folder.Combine("tree.cfb"));

        Assert.Equal(classId, read.ClassId);
        Assert.Equal([1, 2, 3], read.Stream("a")!.Data);
        Assert.Empty(read.Stream("empty")!.Data);
        Assert.Equal(Transform.ClassId, read.Storage("instance.1")!.ClassId);
        Assert.Equal(5000, read.Storage("instance.1")!.Stream("b")!.Data.Length);
    }
}
