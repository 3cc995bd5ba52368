namespace CloudLink.Installer.Database;

/// <summary>A table's name and its columns in order.</summary>
internal sealed record TableSchema(string Name, IReadOnlyList<Column> Columns)
{
    public int RowWidth(int stringReferenceSize) => Columns.Sum(c => c.Width(stringReferenceSize));

    public int IndexOf(string column)
    {
        for (var i = 0; i < Columns.Count; i++)
        {
            if (Columns[i].Name == column)
            {
                return i;
            }
        }

        throw new InstallerException($"table {Name} has no column {column} (it has {string.Join(", ", Columns.Select(c => c.Name))}).");
    }
}
