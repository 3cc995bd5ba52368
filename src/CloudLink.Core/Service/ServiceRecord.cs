using System.Text.Json;
using CloudLink.Core.Instance;
using CloudLink.Core.State;

namespace CloudLink.Core.Service;

/// <summary>The service an instance installed, kept in its state folder so later commands act on exactly that unit.</summary>
public sealed class ServiceRecord
{
    public string Unit { get; set; } = "";
    public string UnitFile { get; set; } = "";
    public DateTimeOffset InstalledAt { get; set; }

    /// <summary>The user the service runs as (Linux); null for a service installed before this was recorded, which runs as root.</summary>
    public string? User { get; set; }
}

/// <summary>What 'service status' reports.</summary>
public sealed record ServiceState(string Unit, string ActiveState, string SubState, int MainPid, string Since)
{
    public bool IsActive => ActiveState == "active";
}

/// <summary>Reads and writes the instance's <see cref="ServiceRecord"/> (state/service.json), for systemd and Windows alike.</summary>
public static class ServiceRecords
{
    /// <summary>The recorded service of the instance, or null if none is installed.</summary>
    public static ServiceRecord? Load(InstancePaths paths)
    {
        try
        {
            return JsonSerializer.Deserialize(NoFollow.ReadAllBytes(FilePath(paths)), StateJson.Default.ServiceRecord);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException or JsonException)
        {
            return null;
        }
        catch (UnauthorizedAccessException e)
        {
            throw new StateException(FilePath(paths), "cannot be read by this user; run the command as root or as the service's user.", e);
        }
    }

    /// <summary>The recorded service, or the error that says to install one first.</summary>
    public static ServiceRecord Installed(InstancePaths paths) =>
        Load(paths) ?? throw new ServiceException(
            $"No service is installed for {paths.Folder}; run 'injixo-cloud-link service install' there first (as root or an administrator).");

    public static void Save(InstancePaths paths, ServiceRecord record)
    {
        AtomicFile.EnsurePrivateFolder(paths.StateFolder);
        AtomicFile.Write(FilePath(paths), JsonSerializer.SerializeToUtf8Bytes(record, StateJson.Default.ServiceRecord), privateFile: true);
    }

    public static void Delete(InstancePaths paths) => File.Delete(FilePath(paths));

    private static string FilePath(InstancePaths paths) => Path.Combine(paths.StateFolder, "service.json");
}
