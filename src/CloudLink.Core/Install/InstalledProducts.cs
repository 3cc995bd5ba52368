using System.Runtime.InteropServices;

namespace CloudLink.Core.Install;

/// <summary>
/// The CloudLink products Windows Installer knows (one per instance, all sharing the MSI's
/// upgrade code), so an instance is uninstalled by its own product code.
/// </summary>
public static class InstalledProducts
{
    /// <summary>The UpgradeCode of injixo-cloud-link.msi; instance transforms change the product code, never this.</summary>
    public const string UpgradeCode = "{6F1D9E0B-3C2A-4E7B-9A58-1B2C3D4E5F60}";

    /// <summary>The product code of the CloudLink product installed in <paramref name="folder"/>, or null.</summary>
    public static string? ProductCodeFor(string folder)
    {
        var wanted = Path.GetFullPath(folder).TrimEnd('\\');
        for (uint index = 0; ; index++)
        {
            var buffer = new char[39];
            if (MsiEnumRelatedProducts(UpgradeCode, 0, index, buffer) != 0)
            {
                return null;
            }

            var product = new string(buffer, 0, 38);
            var location = new char[1024];
            var length = (uint)location.Length;
            if (MsiGetProductInfo(product, "InstallLocation", location, ref length) == 0 && length > 0
                && string.Equals(Path.GetFullPath(new string(location, 0, (int)length)).TrimEnd('\\'), wanted, StringComparison.OrdinalIgnoreCase))
            {
                return product;
            }
        }
    }

    [DllImport("msi.dll", CharSet = CharSet.Unicode)]
    private static extern uint MsiEnumRelatedProducts(string upgradeCode, uint reserved, uint index, [Out] char[] productCode);

    [DllImport("msi.dll", CharSet = CharSet.Unicode)]
    private static extern uint MsiGetProductInfo(string product, string property, [Out] char[] value, ref uint length);
}
