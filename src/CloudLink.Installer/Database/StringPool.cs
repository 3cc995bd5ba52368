using System.Buffers.Binary;
using System.Text;

namespace CloudLink.Installer.Database;

/// <summary>
/// A database's or a transform's string table: _StringPool holds the codepage, then a (length,
/// reference count) pair of 16-bit words per string id from 1; _StringData the strings one after
/// the other. Id 0 is the null string. Ids are 2 bytes wide in rows, or 3 when the pool's
/// codepage word has 0x8000 set. A string over 64 KiB takes two pairs (0, refs) (low, high).
/// </summary>
internal sealed class StringPool
{
    public const int Latin1CodePage = 1252;

    private readonly List<string?> strings = [null];

    public StringPool(int codePage) => CodePage = codePage;

    public int CodePage { get; }

    /// <summary>Bytes of a string reference in a table row.</summary>
    public int ReferenceSize { get; private init; } = 2;

    public int Count => strings.Count;

    public string? this[int id] => id >= 0 && id < strings.Count ? strings[id] : throw new InstallerException($"string id {id} is not in the string pool (it has {strings.Count - 1}).");

    public static StringPool Read(byte[] pool, byte[] data, string where)
    {
        if (pool.Length % 4 != 0)
        {
            throw new InstallerException($"{where}: _StringPool has {pool.Length} bytes, not a whole number of entries.");
        }

        var word = (int i) => BinaryPrimitives.ReadUInt16LittleEndian(pool.AsSpan(i * 2));
        var codePage = pool.Length >= 4 ? word(0) | ((word(1) & 0x7FFF) << 16) : 0;
        var read = new StringPool(codePage) { ReferenceSize = pool.Length >= 4 && (word(1) & 0x8000) != 0 ? 3 : 2 };
        var encoding = EncodingFor(codePage);
        var count = pool.Length / 4;
        var offset = 0;
        for (var i = 1; i < count;)
        {
            int length = word(i * 2);
            int references = word((i * 2) + 1);
            if (length == 0 && references == 0)
            {
                read.strings.Add(null);
                i++;
                continue;
            }

            if (length == 0)
            {
                length = i + 1 < count ? word((i * 2) + 2) | (word((i * 2) + 3) << 16) : throw new InstallerException($"{where}: _StringPool ends inside a long string's entry.");
                i += 2;
            }
            else
            {
                i++;
            }

            if (offset + length > data.Length)
            {
                throw new InstallerException($"{where}: _StringData has {data.Length} bytes, string {read.strings.Count} needs {offset + length}.");
            }

            read.strings.Add(encoding.GetString(data, offset, length));
            offset += length;
        }

        return read;
    }

    /// <summary>The id of <paramref name="value"/>, added when new; null is id 0.</summary>
    public int Add(string? value)
    {
        if (value is null)
        {
            return 0;
        }

        var id = strings.IndexOf(value);
        if (id > 0)
        {
            return id;
        }

        if (value.Any(c => c > 0x7E || c < 0x20))
        {
            throw new InstallerException($"\"{value}\": transforms here hold printable ASCII only, which every codepage reads the same.");
        }

        strings.Add(value);
        return strings.Count - 1;
    }

    public (byte[] Pool, byte[] Data) Write()
    {
        var encoding = EncodingFor(CodePage);
        var pool = new List<byte>();
        var data = new List<byte>();
        void Word(int value) => pool.AddRange(BitConverter.GetBytes((ushort)value));
        Word(CodePage & 0xFFFF);
        Word((CodePage >> 16) & 0x7FFF);
        foreach (var value in strings.Skip(1))
        {
            var bytes = encoding.GetBytes(value!);
            Word(bytes.Length);
            Word(1);
            data.AddRange(bytes);
        }

        return ([.. pool], [.. data]);
    }

    /// <summary>Strings are read as Latin-1 whatever the codepage: the bytes stay the bytes, and ours are ASCII.</summary>
    private static Encoding EncodingFor(int codePage) => codePage == 65001 ? Encoding.UTF8 : Encoding.Latin1;
}
