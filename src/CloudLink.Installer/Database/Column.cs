namespace CloudLink.Installer.Database;

/// <summary>
/// A column as _Columns describes it. The type word: the low byte is the width (an integer's 2 or 4
/// bytes, a string's maximum length), then flags: 0x100 valid, 0x800 string, 0x1000 nullable,
/// 0x2000 part of the primary key. A binary column (a stream) is a string column of width 0.
/// </summary>
internal sealed record Column(string Name, int Type)
{
    private const int Valid = 0x100;
    private const int StringFlag = 0x800;
    private const int NullableFlag = 0x1000;
    private const int KeyFlag = 0x2000;

    public bool IsKey => (Type & KeyFlag) != 0;

    public bool IsNullable => (Type & NullableFlag) != 0;

    public bool IsBinary => (Type & ~NullableFlag) == (StringFlag | Valid);

    public bool IsString => (Type & StringFlag) != 0 && !IsBinary;

    /// <summary>Bytes of one value of this column in a table or transform stream.</summary>
    public int Width(int stringReferenceSize) =>
        IsBinary ? 2 : IsString ? stringReferenceSize : (Type & 0xFF) == 4 ? 4 : 2;

    /// <summary>The value as stored: a string id, or an integer biased so that 0 stays null.</summary>
    public int Encode(object? value, StringPool strings) => value switch
    {
        null => 0,
        string text when IsString => strings.Add(text),
        int number when !IsString && Width(2) == 4 => (int)((uint)number ^ 0x80000000),
        int number when !IsString => (number + 0x8000) & 0xFFFF,
        _ => throw new InstallerException($"column {Name}: cannot hold {value.GetType().Name} \"{value}\"."),
    };

    /// <summary>A stored value as a string, an int or null; a binary column gives its raw stored value.</summary>
    public object? Decode(int stored, StringPool strings) =>
        stored == 0 ? null
        : IsString ? strings[stored]
        : IsBinary ? stored
        : Width(2) == 4 ? (int)((uint)stored ^ 0x80000000)
        : stored - 0x8000;
}
