using CloudLink.Core.Processes;

namespace CloudLink.Core.Install;

/// <summary>
/// The msiexec command lines of the installers: quiet, no automatic reboot, a verbose log; further
/// instances as new MSI instances with the instance transform (":instance.N") that the MSI embeds.
/// </summary>
public static class MsiexecCommand
{
    /// <summary>Install folder property of the CloudLink MSI.</summary>
    public const string FolderProperty = "INSTALLFOLDER";

    public static string Install(MsiInstallRequest request)
    {
        var words = new List<string> { "/i", CommandLine.Quote(request.MsiPath), "/qn", "/norestart", "/l*v", CommandLine.Quote(request.LogPath) };
        if (request.Instance > 0)
        {
            words.Add("MSINEWINSTANCE=1");
            words.Add(CommandLine.MsiProperty("TRANSFORMS", ":" + ProductCodes.Instance(request.Instance)));
        }

        words.Add(CommandLine.MsiProperty(FolderProperty, request.Folder));
        if (request.CloudUrl is not null)
        {
            words.Add(CommandLine.MsiProperty("CLOUDURL", request.CloudUrl));
        }

        if (request.ImportDirectory is not null)
        {
            words.Add(CommandLine.MsiProperty("IMPORTDIRECTORY", request.ImportDirectory));
        }

        return string.Join(" ", words);
    }

    /// <summary>
    /// Removes the product with <paramref name="productCode"/> (each instance has its own) from
    /// <paramref name="folder"/>; the folder is passed again so the removal works on the instance's
    /// own folder even where the package does not remember it, and an instance's transform too
    /// (Wine's msiexec removes nothing of an instance without it; Windows uses the cached one).
    /// </summary>
    public static string Uninstall(string productCode, int instance, string logPath, string folder)
    {
        var words = new List<string> { "/x", CommandLine.Quote(productCode), "/qn", "/norestart", "/l*v", CommandLine.Quote(logPath) };
        if (instance > 0)
        {
            words.Add(CommandLine.MsiProperty("TRANSFORMS", ":" + ProductCodes.Instance(instance)));
        }

        words.Add(CommandLine.MsiProperty(FolderProperty, folder));
        return string.Join(" ", words);
    }
}
