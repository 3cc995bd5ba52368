using System.Buffers.Binary;
using System.Text;

namespace CloudLink.Installer.Transforms;

/// <summary>
/// The "\u0005SummaryInformation" stream: an OLE property set with one section
/// (FMTID_SummaryInformation) of 16-bit, 32-bit and string properties. A transform's says which
/// products it fits (PID 9, "{from}version;{to}version;{UpgradeCode}"), the platform and language
/// before and after (PIDs 7, 8) and how Windows Installer validates it (PID 16).
/// </summary>
internal static class SummaryInformation
{
    public const string StreamName = "\u0005SummaryInformation";
    public const int CodePage = 1;
    public const int Template = 7;
    public const int LastAuthor = 8;
    public const int RevisionNumber = 9;
    public const int PageCount = 14;
    public const int CharacterCount = 16;

    private const ushort TypeI2 = 2;
    private const ushort TypeI4 = 3;
    private const ushort TypeString = 30;
    private static readonly Guid FormatId = new("F29F85E0-4FF9-1068-AB91-08002B27B3D9");

    public static byte[] Write(IReadOnlyDictionary<int, object> properties)
    {
        var values = new List<byte[]>();
        foreach (var (id, value) in properties.OrderBy(p => p.Key))
        {
            var bytes = new List<byte>();
            void Int(int v, int width)
            {
                bytes.AddRange(BitConverter.GetBytes(v).AsSpan(0, width).ToArray());
            }

            switch (value)
            {
                case short number:
                    Int(TypeI2, 4);
                    Int(number, 2);
                    Int(0, 2);
                    break;
                case int number:
                    Int(TypeI4, 4);
                    Int(number, 4);
                    break;
                case string text:
                    var encoded = Encoding.Latin1.GetBytes(text + '\0');
                    Int(TypeString, 4);
                    Int(encoded.Length, 4);
                    bytes.AddRange(encoded);
                    bytes.AddRange(new byte[(4 - (encoded.Length % 4)) % 4]);
                    break;
                default:
                    throw new InstallerException($"summary property {id}: unsupported value {value}.");
            }

            values.Add([.. bytes]);
        }

        var section = new List<byte>();
        var headerSize = 8 + (8 * values.Count);
        section.AddRange(BitConverter.GetBytes(headerSize + values.Sum(v => v.Length)));
        section.AddRange(BitConverter.GetBytes(values.Count));
        var offset = headerSize;
        var ids = properties.Keys.Order().ToList();
        for (var i = 0; i < values.Count; i++)
        {
            section.AddRange(BitConverter.GetBytes(ids[i]));
            section.AddRange(BitConverter.GetBytes(offset));
            offset += values[i].Length;
        }

        foreach (var value in values)
        {
            section.AddRange(value);
        }

        var stream = new List<byte>();
        stream.AddRange(BitConverter.GetBytes((ushort)0xFFFE));
        stream.AddRange(BitConverter.GetBytes((ushort)0));
        stream.AddRange(BitConverter.GetBytes(0x00020006)); // the system that wrote it: Windows NT 6.2, as Windows Installer writes
        stream.AddRange(new byte[16]);
        stream.AddRange(BitConverter.GetBytes(1));
        stream.AddRange(FormatId.ToByteArray());
        stream.AddRange(BitConverter.GetBytes(48));
        stream.AddRange(section);
        return [.. stream];
    }

    public static Dictionary<int, object> Read(byte[] stream, string where)
    {
        try
        {
            var data = stream.AsSpan();
            var sectionStart = BinaryPrimitives.ReadInt32LittleEndian(data[44..]);
            var section = data[sectionStart..];
            var count = BinaryPrimitives.ReadInt32LittleEndian(section[4..]);
            var properties = new Dictionary<int, object>();
            for (var i = 0; i < count; i++)
            {
                var id = BinaryPrimitives.ReadInt32LittleEndian(section[(8 + (8 * i))..]);
                var value = section[BinaryPrimitives.ReadInt32LittleEndian(section[(12 + (8 * i))..])..];
                properties[id] = BinaryPrimitives.ReadUInt16LittleEndian(value) switch
                {
                    TypeI2 => (object)BinaryPrimitives.ReadInt16LittleEndian(value[4..]),
                    TypeI4 => BinaryPrimitives.ReadInt32LittleEndian(value[4..]),
                    TypeString => Encoding.Latin1.GetString(value.Slice(8, BinaryPrimitives.ReadInt32LittleEndian(value[4..]))).TrimEnd('\0'),
                    var type => $"(type {type})",
                };
            }

            return properties;
        }
        catch (ArgumentOutOfRangeException)
        {
            throw new InstallerException($"{where}: the summary information stream is truncated.");
        }
    }
}
