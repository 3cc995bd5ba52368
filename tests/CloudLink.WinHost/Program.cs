using CloudLink.Core.Install;
using CloudLink.Core.Instance;
using CloudLink.Core.Processes;

// msi-install MSI FOLDER       install the next free instance into FOLDER (WindowsInstanceInstaller)
// msi-run MSI FOLDER LOG N     msiexec for instance N with exactly the installer's command line (MsiInstaller)
// msi-product FOLDER           the product code Windows Installer has for FOLDER and its instance number
// msi-uninstall FOLDER LOG     msiexec /x of that product (with its instance transform)
// log-list FOLDER              the rotated logs Remove-CloudLinkLog would consider (LogPurge.List)
// instances                    the instances Get-CloudLinkInstance finds (InstanceCatalog, from the Service Control Manager)
try
{
    var msiexec = new MsiInstaller(ProcessRunner.Instance, Thread.Sleep) { BusyAttempts = 3, BusyDelay = TimeSpan.FromSeconds(2) };
    switch (args)
    {
        case ["msi-install", var msi, var folder]:
            var (instance, outcome) = new WindowsInstanceInstaller(msiexec, new InstanceCatalog()).Install(msi, folder, null, null);
            Console.WriteLine($"installed {instance.AppName} number {instance.Number} exit {outcome.ExitCode} attempts {outcome.Attempts} log {outcome.LogPath}");
            Console.WriteLine(outcome.CommandLine);
            return 0;
        case ["msi-run", var msi, var folder, var log, var number]:
            var run = msiexec.Install(new MsiInstallRequest { MsiPath = msi, Folder = folder, LogPath = log, Instance = int.Parse(number, System.Globalization.CultureInfo.InvariantCulture) });
            Console.WriteLine($"exit {run.ExitCode} reboot {run.RebootRequired}");
            return 0;
        case ["msi-product", var folder]:
            Console.WriteLine(InstalledProducts.Find(folder) is { } product ? $"{product.ProductCode} instance {product.Instance}" : "none");
            return 0;
        case ["msi-uninstall", var folder, var log]:
            var (code, transform) = InstalledProducts.Find(folder) ?? throw new InstallException($"no product in {folder}");
            Console.WriteLine($"uninstalled {code} exit {msiexec.Uninstall(code, transform, log, folder).ExitCode}");
            return 0;
        case ["log-list", var folder]:
            foreach (var log in CloudLink.Core.Logging.LogPurge.List(folder))
            {
                Console.WriteLine(Path.GetFileName(log.Path));
            }

            return 0;
        case ["instances"]:
            foreach (var found in new InstanceCatalog().Find())
            {
                var state = CloudLink.Core.Service.ServiceControlManagerQuery.Instance.Find(found.Service)?.State;
                Console.WriteLine($"{found.AppName} | {found.Service} | {state} | {found.Executable} | {found.Paths.ConfigFile}");
            }

            return 0;
        default:
            Console.Error.WriteLine("usage: cloudlink-winhost msi-install MSI FOLDER | msi-run MSI FOLDER LOG N | msi-product FOLDER | msi-uninstall FOLDER LOG | log-list FOLDER | instances");
            return 2;
    }
}
catch (InstallException e)
{
    Console.Error.WriteLine($"{e.Reason}: {e.Message}");
    return 1;
}
