using System.Runtime.InteropServices;

namespace CloudLink.Core.Odbc.Native;

[StructLayout(LayoutKind.Sequential)]
internal struct OdbcTimestamp
{
    public short Year;
    public ushort Month;
    public ushort Day;
    public ushort Hour;
    public ushort Minute;
    public ushort Second;

    /// <summary>Nanoseconds.</summary>
    public uint Fraction;
}

[StructLayout(LayoutKind.Sequential)]
internal struct OdbcDate
{
    public short Year;
    public ushort Month;
    public ushort Day;
}

[StructLayout(LayoutKind.Sequential)]
internal struct OdbcTime
{
    public ushort Hour;
    public ushort Minute;
    public ushort Second;
}
