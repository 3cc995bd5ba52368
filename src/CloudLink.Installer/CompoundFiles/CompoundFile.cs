namespace CloudLink.Installer.CompoundFiles;

/// <summary>Reads a whole compound file into memory and writes one, through libgsf. MSIs and transforms are small enough.</summary>
internal static class CompoundFile
{
    public static CompoundStorage Read(string path)
    {
        var input = Gsf.InputStdioNew(path, out var error);
        if (input == IntPtr.Zero)
        {
            throw new InstallerException($"{path}: cannot open: {Gsf.TakeError(error)}");
        }

        try
        {
            var root = Gsf.InfileMsoleNew(input, out error);
            if (root == IntPtr.Zero)
            {
                throw new InstallerException($"{path}: not a compound file (an MSI or a transform): {Gsf.TakeError(error)}");
            }

            try
            {
                return ReadStorage(root, "");
            }
            finally
            {
                Gsf.ObjectUnref(root);
            }
        }
        finally
        {
            Gsf.ObjectUnref(input);
        }
    }

    public static void Write(string path, CompoundStorage root)
    {
        var sink = Gsf.OutputStdioNew(path, out var error);
        if (sink == IntPtr.Zero)
        {
            throw new InstallerException($"{path}: cannot write: {Gsf.TakeError(error)}");
        }

        var outfile = Gsf.OutfileMsoleNew(sink);
        try
        {
            WriteStorage(outfile, root);
            if (!Gsf.OutputClose(outfile) || (!Gsf.OutputIsClosed(sink) && !Gsf.OutputClose(sink)))
            {
                throw new InstallerException($"{path}: writing failed.");
            }
        }
        finally
        {
            Gsf.ObjectUnref(outfile);
            Gsf.ObjectUnref(sink);
        }
    }

    private static CompoundStorage ReadStorage(IntPtr storage, string name)
    {
        var classId = new byte[16];
        Gsf.InfileMsoleGetClassId(storage, classId);
        var entries = new List<CompoundEntry>();
        for (var i = 0; i < Gsf.InfileNumChildren(storage); i++)
        {
            var childName = System.Runtime.InteropServices.Marshal.PtrToStringUTF8(Gsf.InfileNameByIndex(storage, i)) ?? "";
            var child = Gsf.InfileChildByIndex(storage, i);
            try
            {
                entries.Add(Gsf.InfileNumChildren(child) >= 0 ? ReadStorage(child, childName) : ReadStream(child, childName));
            }
            finally
            {
                Gsf.ObjectUnref(child);
            }
        }

        return new CompoundStorage(name, new Guid(classId), entries);
    }

    private static CompoundStream ReadStream(IntPtr stream, string name)
    {
        var data = new byte[Gsf.InputSize(stream)];
        if (data.Length > 0 && Gsf.InputRead(stream, (nuint)data.Length, data) == IntPtr.Zero)
        {
            throw new InstallerException($"stream {name}: cannot read {data.Length} bytes.");
        }

        return new CompoundStream(name, data);
    }

    private static void WriteStorage(IntPtr outfile, CompoundStorage storage)
    {
        Gsf.OutfileMsoleSetClassId(outfile, storage.ClassId.ToByteArray());
        foreach (var entry in storage.Entries)
        {
            var child = Gsf.OutfileNewChild(outfile, entry.Name, entry is CompoundStorage);
            try
            {
                switch (entry)
                {
                    case CompoundStorage sub:
                        WriteStorage(child, sub);
                        break;
                    case CompoundStream { Data: var data }:
                        if (data.Length > 0 && !Gsf.OutputWrite(child, (nuint)data.Length, data))
                        {
                            throw new InstallerException($"stream {entry.Name}: writing failed.");
                        }

                        break;
                }

                Gsf.OutputClose(child);
            }
            finally
            {
                Gsf.ObjectUnref(child);
            }
        }
    }
}
