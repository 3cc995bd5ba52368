using System.Collections;

namespace CloudLink.Core.Toml;

/// <summary>A TOML array: a static [ ... ] value, or an array of tables built by [[header]]s.</summary>
public sealed class TomlArray : IReadOnlyList<object>
{
    private readonly List<object> _items = [];

    internal TomlArray(bool ofTables) => IsArrayOfTables = ofTables;

    public TomlArray()
        : this(ofTables: false)
    {
    }

    /// <summary>True for an array of tables ([[header]]), which later headers may extend.</summary>
    public bool IsArrayOfTables { get; }

    public int Count => _items.Count;

    public object this[int index] => _items[index];

    internal void Add(object value) => _items.Add(value);

    public IEnumerator<object> GetEnumerator() => _items.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
