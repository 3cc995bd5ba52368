using System.Text;
using CloudLink.Core.State;
using CloudLink.Tests.Support;

namespace CloudLink.Tests.State;

public sealed class ImportLedgerTests
{
    private static LedgerEntry Entry(string name, char fill) => new()
    {
        IntegrationId = 7,
        Sha256 = new string(fill, 64),
        Name = name,
        Size = 10,
        ModifiedTicks = 1234,
        At = DateTimeOffset.UtcNow,
        Result = LedgerResult.Stored,
    };

    [Fact]
    public void Records_survive_reopening()
    {
        using var folder = new TempFolder();
        var path = folder.Combine("state", "imports.jsonl");
        using (var ledger = ImportLedger.Open(path))
        {
            ledger.Record(Entry("a.csv", 'a'));
            ledger.Record(Entry("b.csv", 'b'));
        }

        using var reopened = ImportLedger.Open(path);
        Assert.Equal(2, reopened.Imported);
        Assert.True(reopened.Contains(7, new string('a', 64)));
        Assert.False(reopened.Contains(8, new string('a', 64)));
        Assert.True(reopened.IsUnchanged(7, "b.csv", 10, 1234));
        Assert.False(reopened.IsUnchanged(7, "b.csv", 11, 1234));
    }

    [Fact]
    public void A_record_torn_by_a_crash_is_dropped_and_the_file_repaired()
    {
        using var folder = new TempFolder();
        var path = folder.Combine("imports.jsonl");
        using (var ledger = ImportLedger.Open(path))
        {
            ledger.Record(Entry("a.csv", 'a'));
        }

        File.AppendAllText(path, "{\"integrationId\":7,\"sha256\":\"bbbb", Encoding.UTF8);

        using (var reopened = ImportLedger.Open(path))
        {
            Assert.Equal(1, reopened.DroppedRecords);
            Assert.Equal(1, reopened.Imported);
            reopened.Record(Entry("c.csv", 'c'));
        }

        using var final = ImportLedger.Open(path);
        Assert.Equal(0, final.DroppedRecords);
        Assert.Equal(2, final.Imported);
        Assert.True(final.Contains(7, new string('c', 64)));
    }
}
