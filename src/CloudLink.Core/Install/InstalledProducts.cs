using System.Runtime.InteropServices;
using CloudLink.Core.Instance;

namespace CloudLink.Core.Install;

/// <summary>
/// The CloudLink products Windows Installer knows (one per instance, each with its own upgrade
/// code: ProductCodes), so an instance is uninstalled by its own product code and transform.
/// </summary>
public static class InstalledProducts
{
    /// <summary>The CloudLink product installed in <paramref name="folder"/> and its instance number, or null.</summary>
    public static (string ProductCode, int Instance)? Find(string folder)
    {
        var wanted = Path.GetFullPath(folder).TrimEnd('\\');
        for (var instance = 0; instance <= InstanceName.WindowsMaximum; instance++)
        {
            for (uint index = 0; ; index++)
            {
                var buffer = new char[39];
                if (MsiEnumRelatedProducts(ProductCodes.UpgradeCode(instance), 0, index, buffer) != 0)
                {
                    break;
                }

                var product = new string(buffer, 0, 38);
                var location = new char[1024];
                var length = (uint)location.Length;
                if (MsiGetProductInfo(product, "InstallLocation", location, ref length) == 0 && length > 0
                    && string.Equals(Path.GetFullPath(new string(location, 0, (int)length)).TrimEnd('\\'), wanted, StringComparison.OrdinalIgnoreCase))
                {
                    return (product, instance);
                }
            }
        }

        return null;
    }

    [DllImport("msi.dll", CharSet = CharSet.Unicode)]
    private static extern uint MsiEnumRelatedProducts(string upgradeCode, uint reserved, uint index, [Out] char[] productCode);

    [DllImport("msi.dll", CharSet = CharSet.Unicode)]
    private static extern uint MsiGetProductInfo(string product, string property, [Out] char[] value, ref uint length);
}
