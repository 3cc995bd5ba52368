using System.Diagnostics;
using CloudLink.Core.Install;
using CloudLink.Installer;
using CloudLink.Installer.CompoundFiles;
using CloudLink.Installer.Database;
using CloudLink.Installer.Transforms;
using CloudLink.Tests.Support;

namespace CloudLink.Tests.Install;

/// <summary>
/// injixo-cloud-link.msi as scripts/package-msi.sh builds it, read without Windows: its tables
/// (msitools' msiinfo is the oracle our reader is held to), and each embedded instance transform,
/// read back, changes exactly the rows an instance needs and nothing else.
/// </summary>
public sealed class ProductMsiTests
{
    internal static readonly string? Package = Environment.GetEnvironmentVariable("CLOUDLINK_MSI");

    private static readonly string[] ChangedTables = ["Component", "Directory", "Property", "ServiceControl", "ServiceInstall", "Upgrade"];

    private static MsiDatabase Open() => MsiDatabase.Read(Package!);

    /// <summary>A table exported by msiinfo (tab-separated, after three header lines), each row as its fields.</summary>
    internal static List<string[]> Export(string package, string table)
    {
        var start = new ProcessStartInfo("msiinfo", ["export", package, table]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var msiinfo = Process.Start(start)!;
        var output = msiinfo.StandardOutput.ReadToEnd();
        var error = msiinfo.StandardError.ReadToEnd();
        msiinfo.WaitForExit();
        Assert.True(msiinfo.ExitCode == 0, error);
        return [.. output.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Skip(3).Select(line => line.Split('\t'))];
    }

    [ProductMsiFact]
    public void Our_reader_agrees_with_msiinfo_on_every_table_the_transforms_touch()
    {
        var database = Open();
        foreach (var table in ChangedTables.Append("File").Append("InstallExecuteSequence").Append("CustomAction"))
        {
            var ours = database.Rows(table).Select(row => row.Select(v => v?.ToString() ?? "").ToArray()).Select(r => string.Join('\t', r)).Order(StringComparer.Ordinal);
            var theirs = Export(Package!, table).Select(r => string.Join('\t', r)).Order(StringComparer.Ordinal);
            Assert.Equal(theirs, ours);
        }
    }

    [ProductMsiFact]
    public void The_product_installs_the_automatic_service_injixo_Cloud_Link_into_a_choosable_folder()
    {
        var database = Open();
        var version = (string)database.Row("Property", "ProductVersion")[1]!;
        Assert.Equal("injixo Cloud Link", database.Row("Property", "ProductName")[1]);
        Assert.Equal(ProductCodes.DefaultUpgradeCode, database.Row("Property", "UpgradeCode")[1]);
        Assert.Equal(ProductCodes.ProductCode(version, 0), database.Row("Property", "ProductCode")[1]);
        Assert.Equal("com.injixo.cloud-link", database.Row("Property", "APPNAME")[1]);
        Assert.Equal("1", database.Row("Property", "ALLUSERS")[1]);

        // INSTALLFOLDER is public: msiexec INSTALLFOLDER="D:\..." chooses it; by default C:\Program Files\injixo Cloud Link.
        Assert.Equal(["INSTALLFOLDER", "ProgramFiles64Folder", "injixo Cloud Link"], database.Row("Directory", "INSTALLFOLDER"));
        var files = database.Rows("File").Select(f => (string)f[2]!).ToList();
        Assert.Contains("injixo-cloud-link.exe", files);
        Assert.Contains("injixo-cloud-link.toml", files);
        Assert.Contains("CloudLink.LICENSE.txt", files);

        var service = database.Row("ServiceInstall", "AgentService");
        var schema = database.Schema("ServiceInstall");
        object? Column(object?[] row, TableSchema table, string name) => row[table.IndexOf(name)];
        Assert.Equal("injixo Cloud Link", Column(service, schema, "Name"));
        Assert.Equal("injixo Cloud Link", Column(service, schema, "DisplayName"));
        Assert.Equal(0x10, Column(service, schema, "ServiceType")); // its own process
        Assert.Equal(2, Column(service, schema, "StartType")); // automatic
        Assert.Equal("LocalSystem", Column(service, schema, "StartName"));
        Assert.Equal("--config \"[INSTALLFOLDER]injixo-cloud-link.toml\" run --service", Column(service, schema, "Arguments"));

        var control = database.Row("ServiceControl", "AgentServiceControl");
        var controlSchema = database.Schema("ServiceControl");
        Assert.Equal("injixo Cloud Link", Column(control, controlSchema, "Name"));
        // Started at install; stopped at install (upgrade) and uninstall; removed at uninstall; waited for.
        Assert.Equal(0x01 | 0x02 | 0x20 | 0x80, Column(control, controlSchema, "Event"));
        Assert.Equal(1, Column(control, controlSchema, "Wait"));
    }

    [ProductMsiFact]
    public void Uninstall_and_upgrades_keep_the_config_and_an_upgrade_removes_the_old_version_first()
    {
        var database = Open();
        // 0x100 64-bit, 0x10 permanent, 0x80 never overwritten: the config outlives the program files.
        Assert.Equal(0x100 | 0x10 | 0x80, database.Row("Component", "Config")[3]);
        Assert.Equal(0x100, database.Row("Component", "Agent")[3]);

        int Sequence(string action) => (int)database.Row("InstallExecuteSequence", action)[2]!;
        Assert.InRange(Sequence("RemoveExistingProducts"), Sequence("InstallValidate") + 1, Sequence("InstallInitialize") - 1);
        Assert.Contains(database.Rows("Upgrade"), row => Equals(row[0], ProductCodes.DefaultUpgradeCode) && Equals(row[6], "WIX_UPGRADE_DETECTED"));

        // The instance's [app] name is written before the service starts; the PIN window opens after an interactive install only.
        Assert.InRange(Sequence("SetAppName"), Sequence("InstallFiles") + 1, Sequence("StartServices") - 1);
        Assert.Equal("NOT REMOVE~=\"ALL\"", database.Row("InstallExecuteSequence", "SetAppName")[1]);
        Assert.True(Sequence("ShowPin") > Sequence("InstallFinalize"));
        Assert.Equal("UILevel > 2 AND NOT REMOVE~=\"ALL\"", database.Row("InstallExecuteSequence", "ShowPin")[1]);
        Assert.EndsWith("pin --wait", (string)database.Row("CustomAction", "ShowPin")[3]!, StringComparison.Ordinal);
    }

    [ProductMsiFact]
    public void The_package_embeds_exactly_the_eight_instance_transforms()
    {
        var storages = Open().Root.Entries.OfType<CompoundStorage>().ToList();
        Assert.Equal(Enumerable.Range(1, 8).Select(n => $"instance.{n}"), storages.Select(s => s.Name));
        Assert.All(storages, s => Assert.Equal(Transform.ClassId, s.ClassId));
    }

    [ProductMsiTheory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    [InlineData(7)]
    [InlineData(8)]
    public void Each_transform_changes_exactly_the_rows_of_its_instance(int instance)
    {
        var database = Open();
        var version = (string)database.Row("Property", "ProductVersion")[1]!;
        var name = $"injixo Cloud Link (Instance {instance})";
        var changes = Transform.Read(database.Root.Storage($"instance.{instance}")!, database);

        var expected = new List<string>
        {
            $"Property update Property=\"ProductCode\", Value=\"{ProductCodes.ProductCode(version, instance)}\"",
            $"Property update Property=\"ProductName\", Value=\"{name}\"",
            $"Property update Property=\"UpgradeCode\", Value=\"{ProductCodes.UpgradeCode(instance)}\"",
            $"Property update Property=\"APPNAME\", Value=\"com.injixo.cloud-link.instance.{instance}\"",
            $"Directory update Directory=\"INSTALLFOLDER\", DefaultDir=\"{name}\"",
            $"ServiceInstall update ServiceInstall=\"AgentService\", Name=\"{name}\", DisplayName=\"{name}\"",
            $"ServiceControl update ServiceControl=\"AgentServiceControl\", Name=\"{name}\"",
        };
        foreach (var component in database.Rows("Component"))
        {
            expected.Add($"Component update Component=\"{component[0]}\", ComponentId=\"{ProductCodes.ComponentCode((string)component[1]!, instance)}\"");
        }

        var upgrade = database.Schema("Upgrade");
        foreach (var row in database.Rows("Upgrade"))
        {
            var keys = upgrade.Columns.Select((c, i) => (c, i)).Where(x => x.c.IsKey).Select(x => new KeyValuePair<string, object?>(x.c.Name, row[x.i]));
            expected.Add(new RowChange("Upgrade", ChangeKind.Delete, [.. keys]).ToString());
            var replaced = row.ToArray();
            replaced[upgrade.IndexOf("UpgradeCode")] = ProductCodes.UpgradeCode(instance);
            expected.Add(new RowChange("Upgrade", ChangeKind.Insert, [.. upgrade.Columns.Select((c, i) => new KeyValuePair<string, object?>(c.Name, replaced[i]))]).ToString());
        }

        Assert.Equal(expected.Order(StringComparer.Ordinal), changes.Select(c => c.ToString()).Order(StringComparer.Ordinal));
    }

    [ProductMsiFact]
    public void Product_upgrade_and_component_codes_differ_across_all_nine_products()
    {
        var database = Open();
        var products = new List<(string Product, string Upgrade, List<string> Components)>
        {
            ((string)database.Row("Property", "ProductCode")[1]!, (string)database.Row("Property", "UpgradeCode")[1]!, [.. database.Rows("Component").Select(c => (string)c[1]!)]),
        };
        for (var n = 1; n <= 8; n++)
        {
            var changes = Transform.Read(database.Root.Storage($"instance.{n}")!, database);
            string Property(string name) => (string)changes.Single(c => c.Table == "Property" && Equals(c["Property"], name))["Value"]!;
            products.Add((Property("ProductCode"), Property("UpgradeCode"), [.. changes.Where(c => c.Table == "Component").Select(c => (string)c["ComponentId"]!)]));
        }

        Assert.Equal(9, products.Select(p => p.Product).Distinct().Count());
        Assert.Equal(9, products.Select(p => p.Upgrade).Distinct().Count());
        var components = products.SelectMany(p => p.Components).ToList();
        Assert.Equal(9 * database.Rows("Component").Count, components.Distinct().Count());
        Assert.All(components.Concat(products.Select(p => p.Product)), code => Assert.Matches("^\\{[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}\\}$", code));
    }

    [ProductMsiFact]
    public void Each_transform_says_which_product_it_fits_and_that_Windows_Installer_checks_it()
    {
        var database = Open();
        var version = (string)database.Row("Property", "ProductVersion")[1]!;
        for (var n = 1; n <= 8; n++)
        {
            var summary = SummaryInformation.Read(database.Root.Storage($"instance.{n}")!.Stream(SummaryInformation.StreamName)!.Data, $"instance.{n}");
            Assert.Equal($"{ProductCodes.ProductCode(version, 0)}{version};{ProductCodes.ProductCode(version, n)}{version};{ProductCodes.DefaultUpgradeCode}", summary[SummaryInformation.RevisionNumber]);
            Assert.Equal("x64;1033", summary[SummaryInformation.Template]);
            Assert.Equal(0x0002 << 16, summary[SummaryInformation.CharacterCount]);
            Assert.Equal((short)1252, summary[SummaryInformation.CodePage]);
        }
    }

    [ProductMsiFact]
    public void Embedding_twice_is_refused_and_the_package_is_left_as_it_was()
    {
        using var folder = new TempFolder("cloudlink-msi-embed");
        var copy = folder.Combine("copy.msi");
        File.Copy(Package!, copy);
        var before = File.ReadAllBytes(copy);

        var error = Assert.Throws<InstallerException>(() => InstanceTransforms.Embed(copy));

        Assert.Contains($"{copy}: already holds instance.1, ", error.Message, StringComparison.Ordinal);
        Assert.Contains("build the package again", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(copy));
    }
}

/// <summary>A fact that needs the product MSI (scripts/package.sh builds it; .ci/run sets CLOUDLINK_MSI) and msitools.</summary>
public sealed class ProductMsiFactAttribute : FactAttribute
{
    public ProductMsiFactAttribute()
    {
        Skip = ProductMsiNeeds.Reason;
    }
}

/// <summary>A theory that needs the product MSI, as <see cref="ProductMsiFactAttribute"/>.</summary>
public sealed class ProductMsiTheoryAttribute : TheoryAttribute
{
    public ProductMsiTheoryAttribute()
    {
        Skip = ProductMsiNeeds.Reason;
    }
}

internal static class ProductMsiNeeds
{
    public static string? Reason =>
        ProductMsiTests.Package is null || !File.Exists("/usr/bin/msiinfo")
            ? "Needs the product MSI and msitools: CLOUDLINK_MSI=artifacts/injixo-cloud-link-<version>-win-x64.msi (scripts/package.sh) and apt-get install msitools; .ci/run sets both up."
            : null;
}
