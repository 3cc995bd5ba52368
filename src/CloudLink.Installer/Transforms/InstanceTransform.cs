using System.Globalization;
using CloudLink.Core.Install;
using CloudLink.Installer.CompoundFiles;
using CloudLink.Installer.Database;

namespace CloudLink.Installer.Transforms;

/// <summary>
/// The transform that turns injixo-cloud-link.msi into instance N (1 to 8): its own product and
/// upgrade codes, product name, default folder, component codes, service and [app] name, so that
/// Windows Installer keeps it apart from the default and from the other instances.
/// </summary>
internal static class InstanceTransform
{
    public const int Count = 8;
    public const string ProductName = "injixo Cloud Link";
    public const string AppName = "com.injixo.cloud-link";
    public const string FolderDirectory = "INSTALLFOLDER";

    /// <summary>Validate the product code the transform is applied to (MSITRANSFORM_VALIDATE_PRODUCT, in the high word).</summary>
    private const int ValidateProduct = 0x0002 << 16;

    public static string Name(int instance) => $"{ProductName} (Instance {instance.ToString(CultureInfo.InvariantCulture)})";

    public static CompoundStorage Build(MsiDatabase package, int instance)
    {
        var changes = Changes(package, instance);
        var version = Property(package, "ProductVersion");
        var packageSummary = Summary(package);
        var template = packageSummary.GetValueOrDefault(SummaryInformation.Template) as string ?? "x64;1033";
        var summary = new Dictionary<int, object>
        {
            [SummaryInformation.CodePage] = (short)StringPool.Latin1CodePage,
            [SummaryInformation.Template] = template,
            [SummaryInformation.LastAuthor] = template,
            [SummaryInformation.RevisionNumber] = $"{Property(package, "ProductCode")}{version};{ProductCodes.ProductCode(version, instance)}{version};{Property(package, "UpgradeCode")}",
            [SummaryInformation.PageCount] = packageSummary.GetValueOrDefault(SummaryInformation.PageCount) as int? ?? 500,
            [SummaryInformation.CharacterCount] = ValidateProduct,
        };
        return Transform.Write(ProductCodes.Instance(instance), package, changes, summary);
    }

    public static List<RowChange> Changes(MsiDatabase package, int instance)
    {
        if (instance is < 1 or > Count)
        {
            throw new InstallerException($"instance {instance}: instances are numbered 1 to {Count}.");
        }

        var name = Name(instance);
        var version = Property(package, "ProductVersion");
        var changes = new List<RowChange>
        {
            SetProperty("ProductCode", ProductCodes.ProductCode(version, instance)),
            SetProperty("ProductName", name),
            SetProperty("UpgradeCode", ProductCodes.UpgradeCode(instance)),
            SetProperty("APPNAME", $"{AppName}.{ProductCodes.Instance(instance)}"),
            Update("Directory", FolderDirectory, "DefaultDir", Folder(package, instance)),
        };
        changes.AddRange(package.Rows("Component").Select(c =>
            Update("Component", (string)c[0]!, "ComponentId", ProductCodes.ComponentCode((string)c[1]!, instance))));
        foreach (var service in package.Rows("ServiceInstall"))
        {
            changes.Add(new RowChange("ServiceInstall", ChangeKind.Update, [new("ServiceInstall", service[0]), new("Name", name), new("DisplayName", name)]));
        }

        changes.AddRange(package.Rows("ServiceControl").Select(c => Update("ServiceControl", (string)c[0]!, "Name", name)));
        changes.AddRange(UpgradeRows(package, instance));
        return changes;
    }

    /// <summary>The Upgrade table finds the older versions of this instance only: its rows, keyed by UpgradeCode, are replaced.</summary>
    private static IEnumerable<RowChange> UpgradeRows(MsiDatabase package, int instance)
    {
        var schema = package.Schema("Upgrade");
        foreach (var row in package.Rows("Upgrade"))
        {
            var values = schema.Columns.Select((c, i) => new KeyValuePair<string, object?>(c.Name, row[i])).ToList();
            yield return new RowChange("Upgrade", ChangeKind.Delete, [.. values.Where(v => schema.Columns[schema.IndexOf(v.Key)].IsKey)]);
            values[schema.IndexOf("UpgradeCode")] = new("UpgradeCode", ProductCodes.UpgradeCode(instance));
            yield return new RowChange("Upgrade", ChangeKind.Insert, values);
        }
    }

    /// <summary>The folder's DefaultDir: "short|long" as in the package, with an 8.3 name of its own per instance.</summary>
    private static string Folder(MsiDatabase package, int instance)
    {
        var current = (string)package.Row("Directory", FolderDirectory)[2]!;
        var number = instance.ToString(CultureInfo.InvariantCulture);
        return current.Contains('|', StringComparison.Ordinal) ? $"INJCLI_{number}|{Name(instance)}" : Name(instance);
    }

    private static RowChange SetProperty(string property, string value) => Update("Property", property, "Value", value);

    private static RowChange Update(string table, string key, string column, string value) =>
        new(table, ChangeKind.Update, [new(table, key), new(column, value)]); // each of these tables is keyed by a column of its own name

    private static string Property(MsiDatabase package, string name) =>
        package.Row("Property", name)[1] as string ?? throw new InstallerException($"{package.Where}: property {name} is empty.");

    /// <summary>The package's own summary information (its template and installer version), read once per transform.</summary>
    private static Dictionary<int, object> Summary(MsiDatabase package) =>
        package.Root.Stream(SummaryInformation.StreamName) is { } stream ? SummaryInformation.Read(stream.Data, package.Where) : [];
}
