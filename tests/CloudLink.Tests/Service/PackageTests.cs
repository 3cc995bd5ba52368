using System.Formats.Tar;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;

namespace CloudLink.Tests.Service;

/// <summary>The Linux release archive: what it holds, and a licence for every shipped open-source dependency.</summary>
public sealed class PackageTests
{
    private static List<(string Name, byte[] Content, UnixFileMode Mode)> Entries()
    {
        var entries = new List<(string, byte[], UnixFileMode)>();
        using var gzip = new GZipStream(File.OpenRead(SystemdServiceTests.Package!), CompressionMode.Decompress);
        using var tar = new TarReader(gzip);
        while (tar.GetNextEntry() is { } entry)
        {
            using var content = new MemoryStream();
            entry.DataStream?.CopyTo(content);
            entries.Add((entry.Name.TrimStart('.', '/'), content.ToArray(), entry.Mode));
        }

        return entries;
    }

    [PackageFact]
    public void The_archive_holds_the_executable_the_commented_config_and_the_licences_with_its_checksum_beside_it()
    {
        var entries = Entries();
        var binary = Assert.Single(entries, entry => entry.Name == "injixo-cloud-link");
        Assert.True(binary.Mode.HasFlag(UnixFileMode.UserExecute));
        Assert.True(binary.Content.Length > 1_000_000);
        var config = Assert.Single(entries, entry => entry.Name == "injixo-cloud-link.toml");
        Assert.Contains("# Unique per instance on a host", System.Text.Encoding.UTF8.GetString(config.Content), StringComparison.Ordinal);

        var checksum = File.ReadAllText(SystemdServiceTests.Package + ".sha256").Split(' ')[0];
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(SystemdServiceTests.Package!))), checksum);
    }

    /// <summary>The marker the .NET host looks for in a single-file bundle (the apphost's bundle signature).</summary>
    private static readonly byte[] BundleSignature =
    [
        0x8b, 0x12, 0x02, 0xb9, 0x6a, 0x61, 0x20, 0x38, 0x72, 0x7b, 0x93, 0x02, 0x14, 0xd7, 0xa0, 0x32,
        0x13, 0xf5, 0xb9, 0xe6, 0xef, 0xae, 0x33, 0x18, 0xee, 0x3b, 0x2d, 0xce, 0x24, 0xb3, 0x6a, 0xae,
    ];

    [PackageFact]
    public void The_Linux_agent_is_a_native_executable_not_a_bundle_of_assemblies()
    {
        var binary = Entries().Single(entry => entry.Name == "injixo-cloud-link").Content;

        Assert.Equal("\u007fELF"u8.ToArray(), binary[..4]);
        Assert.Equal(-1, binary.AsSpan().IndexOf(BundleSignature));
    }

    [PackageFact]
    public void Every_shipped_package_has_its_licence_text()
    {
        var licences = Entries().Where(entry => entry.Name.StartsWith("licenses/", StringComparison.Ordinal) && entry.Content.Length > 500)
            .Select(entry => entry.Name["licenses/".Length..]).ToHashSet(StringComparer.Ordinal);
        using var deps = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "injixo-cloud-link.deps.json")));
        var packages = deps.RootElement.GetProperty("libraries").EnumerateObject()
            .Where(library => library.Value.GetProperty("type").GetString() == "package")
            .Select(library => library.Name.Split('/')[0]).ToList();

        Assert.NotEmpty(packages);
        Assert.All(packages, package => Assert.Contains($"{package}.LICENSE.txt", licences));
        Assert.Contains("dotnet-runtime.LICENSE.txt", licences);
        Assert.Contains("dotnet-runtime.ThirdPartyNotices.txt", licences);
        Assert.Contains("CloudLink.LICENSE.txt", licences);
    }
}

/// <summary>A fact that needs the release archive (scripts/package.sh; .ci/run sets CLOUDLINK_PACKAGE).</summary>
public sealed class PackageFactAttribute : FactAttribute
{
    public PackageFactAttribute()
    {
        if (SystemdServiceTests.Package is null || !File.Exists(SystemdServiceTests.Package))
        {
            Skip = "Needs the release archive: CLOUDLINK_PACKAGE=$(scripts/package.sh | tail -n 1); .ci/run sets it.";
        }
    }
}
