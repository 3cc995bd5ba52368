using System.Collections;

namespace CloudLink.Core.Toml;

/// <summary>A TOML table: keys in document order.</summary>
public sealed class TomlTable : IEnumerable<KeyValuePair<string, object>>
{
    private readonly Dictionary<string, object> _values = new(StringComparer.Ordinal);
    private readonly List<string> _order = [];

    internal TomlTable(TableOrigin origin) => Origin = origin;

    public TomlTable()
        : this(TableOrigin.Implicit)
    {
    }

    /// <summary>How the table came to be: what decides whether it may be defined or extended later.</summary>
    internal TableOrigin Origin { get; set; }

    public int Count => _order.Count;

    public IReadOnlyList<string> Keys => _order;

    public object this[string key] => _values[key];

    public bool ContainsKey(string key) => _values.ContainsKey(key);

    public bool TryGetValue(string key, out object value) => _values.TryGetValue(key, out value!);

    internal void Add(string key, object value)
    {
        _values.Add(key, value);
        _order.Add(key);
    }

    public IEnumerator<KeyValuePair<string, object>> GetEnumerator() =>
        _order.Select(key => new KeyValuePair<string, object>(key, _values[key])).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

internal enum TableOrigin
{
    /// <summary>Created as the parent of a [header] or [[header]]; may still be defined once by its own header.</summary>
    Implicit,

    /// <summary>Defined by its own [header].</summary>
    Header,

    /// <summary>Created by a dotted key such as a.b = 1; may be extended by dotted keys of the same section only.</summary>
    DottedKey,

    /// <summary>An inline table { ... }, or one within it: complete and closed.</summary>
    Inline,

    /// <summary>An element of an array of tables [[header]].</summary>
    ArrayElement,
}
