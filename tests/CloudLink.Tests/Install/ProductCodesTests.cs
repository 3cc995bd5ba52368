using CloudLink.Core.Install;

namespace CloudLink.Tests.Install;

/// <summary>
/// The installer's codes are derived, not listed: the derivation must match RFC 4122 and never
/// change, or a new version would no longer find and upgrade the instances already installed.
/// </summary>
public sealed class ProductCodesTests
{
    [Fact]
    public void Name_based_guids_are_RFC_4122_version_5()
    {
        // uuid.uuid5(uuid.NAMESPACE_DNS, "python.org") in Python's standard library.
        Assert.Equal(new Guid("886313e1-3b8a-5372-9b90-0c9aee199e5d"), NameBasedGuid.Create(new Guid("6ba7b810-9dad-11d1-80b4-00c04fd430c8"), "python.org"));
    }

    [Fact]
    public void Codes_already_shipped_stay_the_same()
    {
        Assert.Equal("{6F1D9E0B-3C2A-4E7B-9A58-1B2C3D4E5F60}", ProductCodes.UpgradeCode(0));
        Assert.Equal("{BBF4C1E3-1C47-5E9F-9A8E-7BE12B321019}", ProductCodes.UpgradeCode(3));
        Assert.Equal("{05688704-BA97-5C19-843D-DAC8B9468011}", ProductCodes.ProductCode("0.1.0", 0));
        Assert.Equal("{D177E9B2-172F-56D5-BFA8-7D8B538A3B85}", ProductCodes.ProductCode("0.1.0", 2));
    }

    [Fact]
    public void Each_version_and_instance_has_its_own_product_code_and_each_instance_its_own_component_codes()
    {
        var products = from version in new[] { "0.1.0", "0.1.1", "1.0.0" } from n in Enumerable.Range(0, 9) select ProductCodes.ProductCode(version, n);
        Assert.Equal(27, products.Distinct().Count());

        const string Component = "{0B8F4E2A-6D1C-4F3B-8E5A-2C7D9A1B3E40}";
        Assert.Equal(Component, ProductCodes.ComponentCode(Component.ToLowerInvariant(), 0));
        Assert.Equal(9, Enumerable.Range(0, 9).Select(n => ProductCodes.ComponentCode(Component, n)).Distinct().Count());
        Assert.Equal(ProductCodes.ComponentCode(Component, 5), ProductCodes.ComponentCode(Component, 5));
    }
}
