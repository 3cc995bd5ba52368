using CloudLink.Core.Install;
using CloudLink.Installer;
using CloudLink.Installer.CompoundFiles;
using CloudLink.Installer.Database;
using CloudLink.Installer.Transforms;

const string Usage = """
    Usage: cloudlink-msi embed PACKAGE.msi        add the instance transforms instance.1 ... instance.8
           cloudlink-msi show PACKAGE.msi NAME    list the rows the embedded transform NAME changes
           cloudlink-msi table PACKAGE.msi TABLE  print a table's rows, tab-separated
           cloudlink-msi product-code VERSION [N] the ProductCode of a version, of instance N (default 0)
    """;

try
{
    switch (args)
    {
        case ["embed", var package]:
            InstanceTransforms.Embed(package);
            Console.WriteLine($"{package}: embedded instance.1 to instance.{InstanceTransform.Count}");
            return 0;
        case ["show", var package, var name]:
            var database = MsiDatabase.Read(package);
            var transform = database.Root.Storage(name) ?? throw new InstallerException($"{package}: no embedded transform {name} (it has {string.Join(", ", database.Root.Entries.OfType<CompoundStorage>().Select(s => s.Name).DefaultIfEmpty("none"))}).");
            foreach (var change in Transform.Read(transform, database))
            {
                Console.WriteLine(change);
            }

            return 0;
        case ["table", var package, var table]:
            foreach (var row in MsiDatabase.Read(package).Rows(table))
            {
                Console.WriteLine(string.Join('\t', row.Select(v => v?.ToString() ?? "")));
            }

            return 0;
        case ["product-code", var version]:
            Console.WriteLine(ProductCodes.ProductCode(version, 0));
            return 0;
        case ["product-code", var version, var number] when int.TryParse(number, out var instance) && instance is >= 0 and <= InstanceTransform.Count:
            Console.WriteLine(ProductCodes.ProductCode(version, instance));
            return 0;
        case ["-h" or "--help"]:
            Console.WriteLine(Usage);
            return 0;
        default:
            Console.Error.WriteLine(Usage);
            return 2;
    }
}
catch (InstallerException error)
{
    Console.Error.WriteLine($"cloudlink-msi: {error.Message}");
    return 1;
}
catch (IOException error)
{
    Console.Error.WriteLine($"cloudlink-msi: {error.Message}");
    return 1;
}
