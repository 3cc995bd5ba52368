using CloudLink.Installer.CompoundFiles;
using CloudLink.Installer.Database;

namespace CloudLink.Installer.Transforms;

/// <summary>Embeds the eight instance transforms in a package: substorages instance.1 to instance.8 beside its tables.</summary>
internal static class InstanceTransforms
{
    public static void Embed(string packagePath)
    {
        var package = MsiDatabase.Read(packagePath);
        var existing = package.Root.Entries.OfType<CompoundStorage>().Select(s => s.Name).ToList();
        if (existing.Count > 0)
        {
            throw new InstallerException($"{packagePath}: already holds {string.Join(", ", existing)}; build the package again before embedding transforms.");
        }

        var transforms = Enumerable.Range(1, InstanceTransform.Count).Select(n => InstanceTransform.Build(package, n));
        var temporary = packagePath + ".partial";
        CompoundFile.Write(temporary, package.Root with { Entries = [.. package.Root.Entries, .. transforms] });
        File.Move(temporary, packagePath, overwrite: true);
    }
}
