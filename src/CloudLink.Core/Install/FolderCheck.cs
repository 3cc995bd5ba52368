using CloudLink.Core.Instance;

namespace CloudLink.Core.Install;

/// <summary>Installing into a folder that holds an instance would overwrite it: refused.</summary>
public static class FolderCheck
{
    public static void EnsureFree(string folder, IEnumerable<InstanceLocation> installed)
    {
        var full = Path.GetFullPath(folder).TrimEnd(Path.DirectorySeparatorChar);
        var comparison = InstanceCatalog.IsWindows ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        var owner = installed.FirstOrDefault(i => string.Equals(i.Paths.Folder.TrimEnd(Path.DirectorySeparatorChar), full, comparison));
        var marker = new[] { InstancePaths.ConfigFileName, InstancePaths.ExecutableName, InstancePaths.ExecutableName + ".exe" }
            .Select(name => Path.Combine(full, name)).FirstOrDefault(File.Exists);
        if (owner is not null || marker is not null)
        {
            throw new InstallException(
                $"{full} already holds an instance ({(owner is not null ? owner.AppName + ", service " + owner.Service : marker)}); installing there would overwrite it. " +
                "Choose another folder (-Folder), or uninstall that instance first.")
            { Reason = "FolderInUse" };
        }
    }
}
