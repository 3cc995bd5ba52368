using CloudLink.Installer.CompoundFiles;
using CloudLink.Installer.Database;

namespace CloudLink.Installer.Transforms;

/// <summary>
/// A transform as a compound storage: its own string pool, one stream per changed table holding
/// its changed rows one after the other, and summary information. Each row starts with a 16-bit
/// mask: 0 deletes the row named by its keys; (columns &lt;&lt; 8) | 1 inserts a row of that many
/// columns; otherwise bit i says column i (0-based) follows the keys and is updated.
/// </summary>
internal static class Transform
{
    /// <summary>The class id Windows Installer gives a transform's storage.</summary>
    public static readonly Guid ClassId = new("000C1082-0000-0000-C000-000000000046");

    public static CompoundStorage Write(string name, MsiDatabase target, IReadOnlyList<RowChange> changes, IReadOnlyDictionary<int, object> summary)
    {
        var strings = new StringPool(target.Strings.CodePage);
        var tables = new List<(string Table, List<byte> Rows)>();
        foreach (var change in changes)
        {
            var schema = target.Schema(change.Table);
            var rows = tables.FirstOrDefault(t => t.Table == change.Table).Rows;
            if (rows is null)
            {
                rows = [];
                tables.Add((change.Table, rows));
            }

            var written = Columns(schema, change).ToList();
            var mask = change.Kind switch
            {
                ChangeKind.Delete => 0,
                ChangeKind.Insert => (schema.Columns.Count << 8) | 1,
                _ => written.Where(i => !schema.Columns[i].IsKey).Aggregate(0, (m, i) => m | (1 << i)),
            };
            if (change.Kind == ChangeKind.Update && mask == 0)
            {
                throw new InstallerException($"{change}: an update must change a column that is not a key.");
            }

            RawValues.Write(rows, mask, 2);
            foreach (var i in written)
            {
                var column = schema.Columns[i];
                if (column.IsBinary)
                {
                    throw new InstallerException($"{change}: binary columns ({column.Name}) are not written by transforms here.");
                }

                RawValues.Write(rows, column.Encode(change[column.Name], strings), column.Width(strings.ReferenceSize));
            }
        }

        var (pool, data) = strings.Write();
        var entries = new List<CompoundEntry>
        {
            new CompoundStream(StreamName.Table("_StringPool"), pool),
            new CompoundStream(StreamName.Table("_StringData"), data),
        };
        entries.AddRange(tables.Select(t => new CompoundStream(StreamName.Table(t.Table), [.. t.Rows])));
        entries.Add(new CompoundStream(SummaryInformation.StreamName, SummaryInformation.Write(summary)));
        return new CompoundStorage(name, ClassId, entries);
    }

    /// <summary>Every row the transform changes, read with the columns of <paramref name="target"/>.</summary>
    public static List<RowChange> Read(CompoundStorage transform, MsiDatabase target)
    {
        var where = $"{target.Where}:{transform.Name}";
        var strings = StringPool.Read(
            transform.Stream(StreamName.Table("_StringPool"))?.Data ?? throw new InstallerException($"{where}: no _StringPool: not a transform."),
            transform.Stream(StreamName.Table("_StringData"))?.Data ?? throw new InstallerException($"{where}: no _StringData: not a transform."),
            where);
        var changes = new List<RowChange>();
        foreach (var stream in transform.Entries.OfType<CompoundStream>().Where(s => s.Name.StartsWith(StreamName.TableMark)))
        {
            var table = StreamName.Decode(stream.Name[1..]);
            if (table is "_StringPool" or "_StringData")
            {
                continue;
            }

            var schema = target.Schema(table);
            var data = stream.Data;
            for (var offset = 0; offset < data.Length;)
            {
                var mask = RawValues.Read(data, offset, 2);
                offset += 2;
                var kind = mask == 0 ? ChangeKind.Delete : (mask & 1) != 0 ? ChangeKind.Insert : ChangeKind.Update;
                if (kind == ChangeKind.Insert && mask >> 8 != schema.Columns.Count)
                {
                    throw new InstallerException($"{where}: an insert into {table} has {mask >> 8} columns; the table has {schema.Columns.Count}.");
                }

                var values = new List<KeyValuePair<string, object?>>();
                for (var i = 0; i < schema.Columns.Count; i++)
                {
                    var column = schema.Columns[i];
                    if (kind == ChangeKind.Insert || column.IsKey || (mask & (1 << i)) != 0)
                    {
                        var width = column.Width(strings.ReferenceSize);
                        if (offset + width > data.Length)
                        {
                            throw new InstallerException($"{where}: table {table} ends inside a row.");
                        }

                        values.Add(new(column.Name, column.Decode(RawValues.Read(data, offset, width), strings)));
                        offset += width;
                    }
                }

                changes.Add(new RowChange(table, kind, values));
            }
        }

        return changes;
    }

    private static IEnumerable<int> Columns(TableSchema schema, RowChange change)
    {
        var named = change.Values.Select(v => v.Key).ToHashSet(StringComparer.Ordinal);
        foreach (var name in named)
        {
            schema.IndexOf(name);
        }

        for (var i = 0; i < schema.Columns.Count; i++)
        {
            var column = schema.Columns[i];
            var present = named.Contains(column.Name);
            if (column.IsKey && !present)
            {
                throw new InstallerException($"{change}: key column {column.Name} of {schema.Name} is missing.");
            }

            if (change.Kind == ChangeKind.Insert && !present && !column.IsNullable)
            {
                throw new InstallerException($"{change}: column {column.Name} of {schema.Name} needs a value.");
            }

            if (change.Kind == ChangeKind.Insert || column.IsKey || (change.Kind == ChangeKind.Update && present))
            {
                yield return i;
            }
        }
    }
}
