using System.Globalization;

namespace CloudLink.Core.Install;

/// <summary>
/// The Windows Installer codes of injixo-cloud-link.msi and its instance transforms. Each instance
/// has its own UpgradeCode, so a major upgrade of one instance finds and replaces that instance only
/// (with one shared UpgradeCode, upgrading the default would remove every instance). The default
/// keeps the MSI's original UpgradeCode; the others and all product codes are derived from it.
/// </summary>
public static class ProductCodes
{
    /// <summary>The UpgradeCode of the default instance, the one written in the MSI itself.</summary>
    public const string DefaultUpgradeCode = "{6F1D9E0B-3C2A-4E7B-9A58-1B2C3D4E5F60}";

    private static readonly Guid Space = new(DefaultUpgradeCode);

    /// <summary>0 for the default, 1 to 8 for instance.N.</summary>
    public static string UpgradeCode(int instance) =>
        instance == 0 ? DefaultUpgradeCode : Braced(NameBasedGuid.Create(Space, "upgrade/" + Instance(instance)));

    /// <summary>A new ProductCode per version (a major upgrade) and per instance.</summary>
    public static string ProductCode(string version, int instance) =>
        Braced(NameBasedGuid.Create(Space, $"product/{version}/{Instance(instance)}"));

    /// <summary>The instance's code for a component whose default-instance code is <paramref name="defaultCode"/>; the same in every version.</summary>
    public static string ComponentCode(string defaultCode, int instance) =>
        instance == 0 ? defaultCode.ToUpperInvariant() : Braced(NameBasedGuid.Create(new Guid(defaultCode), Instance(instance)));

    /// <summary>"instance.N": the name of the transform and of the instance in names derived from it.</summary>
    public static string Instance(int instance) => "instance." + instance.ToString(CultureInfo.InvariantCulture);

    private static string Braced(Guid guid) => guid.ToString("B").ToUpperInvariant();
}
