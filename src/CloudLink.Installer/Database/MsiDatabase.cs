using CloudLink.Installer.CompoundFiles;

namespace CloudLink.Installer.Database;

/// <summary>
/// An MSI read from its compound file: the string pool, every table's columns (from _Columns) and
/// the rows of any table. A table's stream holds its rows column by column: all values of the first
/// column, then of the second, and so on.
/// </summary>
internal sealed class MsiDatabase
{
    private static readonly TableSchema ColumnsTable = new("_Columns",
    [
        new("Table", 0x2D40), new("Number", 0x2502), new("Name", 0x0D40), new("Type", 0x0502),
    ]);

    private readonly Dictionary<string, TableSchema> schemas;

    private MsiDatabase(CompoundStorage root, string where, StringPool strings)
    {
        Root = root;
        Where = where;
        Strings = strings;
        schemas = ReadSchemas();
    }

    /// <summary>The compound file the database was read from, with every stream and storage.</summary>
    public CompoundStorage Root { get; }

    /// <summary>Where the database came from, for messages.</summary>
    public string Where { get; }

    public StringPool Strings { get; }

    public IEnumerable<string> Tables => schemas.Keys;

    public static MsiDatabase Read(string path) => Open(CompoundFile.Read(path), path);

    public static MsiDatabase Open(CompoundStorage root, string where)
    {
        var pool = root.Stream(StreamName.Table("_StringPool")) ?? throw new InstallerException($"{where}: no _StringPool stream: not an MSI database.");
        var data = root.Stream(StreamName.Table("_StringData")) ?? throw new InstallerException($"{where}: no _StringData stream: not an MSI database.");
        return new MsiDatabase(root, where, StringPool.Read(pool.Data, data.Data, where));
    }

    public TableSchema Schema(string table) =>
        schemas.TryGetValue(table, out var schema) ? schema : throw new InstallerException($"{Where}: no table {table}.");

    /// <summary>Each row's values in column order: a string, an int or null.</summary>
    public IReadOnlyList<object?[]> Rows(string table) => ReadRows(Schema(table));

    /// <summary>The row whose first column is <paramref name="key"/>.</summary>
    public object?[] Row(string table, string key) =>
        Rows(table).FirstOrDefault(r => Equals(r[0], key)) ?? throw new InstallerException($"{Where}: table {table} has no row {key}.");

    private Dictionary<string, TableSchema> ReadSchemas()
    {
        var columns = new Dictionary<string, List<(int Number, Column Column)>>(StringComparer.Ordinal);
        foreach (var row in ReadRows(ColumnsTable))
        {
            if (row is not [string table, int number, string name, int type])
            {
                throw new InstallerException($"{Where}: a row of _Columns is incomplete.");
            }

            if (!columns.TryGetValue(table, out var list))
            {
                columns[table] = list = [];
            }

            list.Add((number, new Column(name, type)));
        }

        return columns.ToDictionary(
            t => t.Key,
            t => new TableSchema(t.Key, [.. t.Value.OrderBy(c => c.Number).Select(c => c.Column)]),
            StringComparer.Ordinal);
    }

    private List<object?[]> ReadRows(TableSchema schema)
    {
        var data = Root.Stream(StreamName.Table(schema.Name))?.Data ?? [];
        var rowWidth = schema.RowWidth(Strings.ReferenceSize);
        if (data.Length % rowWidth != 0)
        {
            throw new InstallerException($"{Where}: table {schema.Name} has {data.Length} bytes, not a whole number of {rowWidth}-byte rows.");
        }

        var count = data.Length / rowWidth;
        var rows = Enumerable.Range(0, count).Select(_ => new object?[schema.Columns.Count]).ToList();
        var offset = 0;
        for (var c = 0; c < schema.Columns.Count; c++)
        {
            var column = schema.Columns[c];
            var width = column.Width(Strings.ReferenceSize);
            for (var r = 0; r < count; r++)
            {
                rows[r][c] = column.Decode(RawValues.Read(data, offset, width), Strings);
                offset += width;
            }
        }

        return rows;
    }
}
