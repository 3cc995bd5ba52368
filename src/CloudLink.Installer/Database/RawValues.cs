namespace CloudLink.Installer.Database;

/// <summary>Little-endian integers of 2, 3 or 4 bytes, as table and transform streams hold them.</summary>
internal static class RawValues
{
    public static int Read(ReadOnlySpan<byte> data, int offset, int width)
    {
        var value = 0;
        for (var i = width - 1; i >= 0; i--)
        {
            value = (value << 8) | data[offset + i];
        }

        return value;
    }

    public static void Write(List<byte> data, int value, int width)
    {
        for (var i = 0; i < width; i++)
        {
            data.Add((byte)(value >> (8 * i)));
        }
    }
}
