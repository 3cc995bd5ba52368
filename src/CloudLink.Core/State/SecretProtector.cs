using System.ComponentModel;
using System.Runtime.InteropServices;

namespace CloudLink.Core.State;

/// <summary>
/// Protects the credentials file at rest: DPAPI (machine scope) on Windows, where the service runs
/// as LocalSystem and admins run the CLI; on Linux the bytes are kept as they are in a 0600 file
/// inside a 0700 folder.
/// </summary>
internal static class SecretProtector
{
    private const int LocalMachine = 0x4; // CRYPTPROTECT_LOCAL_MACHINE
    private const int UiForbidden = 0x1; // CRYPTPROTECT_UI_FORBIDDEN

    private static bool UseDpapi => RuntimeInformation.IsOSPlatform(OSPlatform.Windows);

    public static byte[] Protect(byte[] plain) => UseDpapi ? Transform(plain, protect: true) : plain;

    public static byte[] Unprotect(byte[] stored) => UseDpapi ? Transform(stored, protect: false) : stored;

    private static byte[] Transform(byte[] input, bool protect)
    {
        var inputBlob = new DataBlob();
        var outputBlob = new DataBlob();
        var handle = GCHandle.Alloc(input, GCHandleType.Pinned);
        try
        {
            inputBlob.Size = input.Length;
            inputBlob.Data = handle.AddrOfPinnedObject();
            var ok = protect
                ? CryptProtectData(ref inputBlob, null, IntPtr.Zero, IntPtr.Zero, IntPtr.Zero, LocalMachine | UiForbidden, ref outputBlob)
                : CryptUnprotectData(ref inputBlob, IntPtr.Zero, IntPtr.Zero, IntPtr.Zero, IntPtr.Zero, UiForbidden, ref outputBlob);
            if (!ok)
            {
                throw new Win32Exception(Marshal.GetLastWin32Error());
            }

            var output = new byte[outputBlob.Size];
            Marshal.Copy(outputBlob.Data, output, 0, outputBlob.Size);
            return output;
        }
        finally
        {
            handle.Free();
            if (outputBlob.Data != IntPtr.Zero)
            {
                _ = LocalFree(outputBlob.Data);
            }
        }
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct DataBlob
    {
        public int Size;
        public IntPtr Data;
    }

#pragma warning disable CA5392, SYSLIB1054, CA2101 // Windows system DLLs; LibraryImport is not available on netstandard2.0.
    [DllImport("crypt32.dll", SetLastError = true, CharSet = CharSet.Unicode)]
    private static extern bool CryptProtectData(ref DataBlob dataIn, string? description, IntPtr entropy, IntPtr reserved, IntPtr prompt, int flags, ref DataBlob dataOut);

    [DllImport("crypt32.dll", SetLastError = true)]
    private static extern bool CryptUnprotectData(ref DataBlob dataIn, IntPtr description, IntPtr entropy, IntPtr reserved, IntPtr prompt, int flags, ref DataBlob dataOut);

    [DllImport("kernel32.dll")]
    private static extern IntPtr LocalFree(IntPtr memory);
#pragma warning restore CA5392, SYSLIB1054, CA2101
}
