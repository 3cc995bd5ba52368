using System.Runtime.InteropServices;

namespace CloudLink.Installer.CompoundFiles;

/// <summary>
/// The part of libgsf (GNOME's Structured File Library, Debian's libgsf-1-114, which msitools uses
/// too) that reads and writes OLE compound files: the container of an MSI and of a transform.
/// </summary>
internal static partial class Gsf
{
    private const string Library = "libgsf-1.so.114";
    private const string GObject = "libgobject-2.0.so.0";
    private const string GLib = "libglib-2.0.so.0";

    [LibraryImport(Library, EntryPoint = "gsf_input_stdio_new", StringMarshalling = StringMarshalling.Utf8)]
    public static partial IntPtr InputStdioNew(string path, out IntPtr error);

    [LibraryImport(Library, EntryPoint = "gsf_infile_msole_new")]
    public static partial IntPtr InfileMsoleNew(IntPtr source, out IntPtr error);

    [LibraryImport(Library, EntryPoint = "gsf_infile_num_children")]
    public static partial int InfileNumChildren(IntPtr infile);

    [LibraryImport(Library, EntryPoint = "gsf_infile_name_by_index")]
    public static partial IntPtr InfileNameByIndex(IntPtr infile, int index);

    [LibraryImport(Library, EntryPoint = "gsf_infile_child_by_index")]
    public static partial IntPtr InfileChildByIndex(IntPtr infile, int index);

    [LibraryImport(Library, EntryPoint = "gsf_infile_msole_get_class_id")]
    [return: MarshalAs(UnmanagedType.Bool)]
    public static partial bool InfileMsoleGetClassId(IntPtr infile, [Out] byte[] classId);

    [LibraryImport(Library, EntryPoint = "gsf_input_size")]
    public static partial long InputSize(IntPtr input);

    [LibraryImport(Library, EntryPoint = "gsf_input_read")]
    public static partial IntPtr InputRead(IntPtr input, nuint count, [Out] byte[] buffer);

    [LibraryImport(Library, EntryPoint = "gsf_output_stdio_new", StringMarshalling = StringMarshalling.Utf8)]
    public static partial IntPtr OutputStdioNew(string path, out IntPtr error);

    [LibraryImport(Library, EntryPoint = "gsf_outfile_msole_new")]
    public static partial IntPtr OutfileMsoleNew(IntPtr sink);

    [LibraryImport(Library, EntryPoint = "gsf_outfile_new_child", StringMarshalling = StringMarshalling.Utf8)]
    public static partial IntPtr OutfileNewChild(IntPtr outfile, string name, [MarshalAs(UnmanagedType.Bool)] bool isDirectory);

    [LibraryImport(Library, EntryPoint = "gsf_outfile_msole_set_class_id")]
    [return: MarshalAs(UnmanagedType.Bool)]
    public static partial bool OutfileMsoleSetClassId(IntPtr outfile, byte[] classId);

    [LibraryImport(Library, EntryPoint = "gsf_output_write")]
    [return: MarshalAs(UnmanagedType.Bool)]
    public static partial bool OutputWrite(IntPtr output, nuint count, byte[] data);

    [LibraryImport(Library, EntryPoint = "gsf_output_close")]
    [return: MarshalAs(UnmanagedType.Bool)]
    public static partial bool OutputClose(IntPtr output);

    [LibraryImport(Library, EntryPoint = "gsf_output_is_closed")]
    [return: MarshalAs(UnmanagedType.Bool)]
    public static partial bool OutputIsClosed(IntPtr output);

    [LibraryImport(GObject, EntryPoint = "g_object_unref")]
    public static partial void ObjectUnref(IntPtr instance);

    [LibraryImport(GLib, EntryPoint = "g_error_free")]
    private static partial void ErrorFree(IntPtr error);

    /// <summary>The message of a GError (struct { GQuark domain; gint code; gchar *message; }), which is then freed.</summary>
    public static string TakeError(IntPtr error)
    {
        if (error == IntPtr.Zero)
        {
            return "unknown error";
        }

        var message = Marshal.PtrToStringUTF8(Marshal.ReadIntPtr(error, 8)) ?? "unknown error";
        ErrorFree(error);
        return message;
    }
}
