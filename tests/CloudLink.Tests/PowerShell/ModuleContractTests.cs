using System.Text.RegularExpressions;
using System.Xml.Linq;
using CloudLink.Tests.Support;

namespace CloudLink.Tests.PowerShell;

/// <summary>
/// The compiled module as PowerShell will load it, checked without PowerShell: exports, verbs,
/// output types and their views, ShouldProcess, and help for every cmdlet and parameter.
/// </summary>
public sealed partial class ModuleContractTests : IDisposable
{
    /// <summary>Verbs of cmdlets that change the host; they must support -WhatIf and -Confirm.</summary>
    private static readonly HashSet<string> ChangingVerbs = ["Install", "Uninstall", "Start", "Stop", "Restart", "Set", "Remove", "Register", "Unregister", "New", "Clear", "Add"];

    private readonly CompiledModule _module = new();

    private static string Manifest => File.ReadAllText(Path.Combine(RepositoryPaths.Root, "CloudLink.psd1"));

    private static string HelpFile => Path.Combine(RepositoryPaths.Root, "module", "en-US", "CloudLink.PowerShell.dll-Help.xml");

    public void Dispose() => _module.Dispose();

    [Fact]
    public void The_manifest_exports_exactly_the_cmdlet_classes()
    {
        var block = ExportsBlock().Match(Manifest);
        Assert.True(block.Success, "CmdletsToExport not found in CloudLink.psd1");
        var exported = Regex.Matches(block.Groups[1].Value, "'([^']+)'").Select(m => m.Groups[1].Value).Order(StringComparer.Ordinal).ToList();

        Assert.Equal(_module.Cmdlets.Select(c => c.Name).ToList(), exported);
        Assert.True(_module.Cmdlets.Count >= 17, $"only {_module.Cmdlets.Count} cmdlets");
    }

    [Fact]
    public void The_manifest_targets_windows_powershell_5_1_and_powershell_7_with_explicit_exports()
    {
        var manifest = Manifest;
        Assert.Contains("RootModule           = 'CloudLink.PowerShell.dll'", manifest, StringComparison.Ordinal);
        Assert.Contains("PowerShellVersion    = '5.1'", manifest, StringComparison.Ordinal);
        Assert.Contains("CompatiblePSEditions = @('Desktop', 'Core')", manifest, StringComparison.Ordinal);
        Assert.Contains("FormatsToProcess     = @('CloudLink.Format.ps1xml')", manifest, StringComparison.Ordinal);
        foreach (var list in new[] { "FunctionsToExport", "VariablesToExport", "AliasesToExport" })
        {
            Assert.Matches($@"{list}\s*=\s*@\(\)", manifest);
        }

        var framework = _module.Assembly.CustomAttributes.Single(a => a.AttributeType.Name == "TargetFrameworkAttribute");
        Assert.Equal(".NETStandard,Version=v2.0", framework.ConstructorArguments[0].Value);
        Assert.True(File.Exists(Path.Combine(_module.Folder, "CloudLink.psd1")));
        Assert.True(File.Exists(Path.Combine(_module.Folder, "CloudLink.Format.ps1xml")));
        Assert.True(File.Exists(Path.Combine(_module.Folder, "en-US", "CloudLink.PowerShell.dll-Help.xml")));
    }

    [Fact]
    public void Every_cmdlet_uses_an_approved_verb()
    {
        var approved = _module.ApprovedVerbs;
        Assert.Contains("Get", approved);
        Assert.All(_module.Cmdlets, c => Assert.True(approved.Contains(c.Verb), $"{c.Name}: '{c.Verb}' is not an approved verb"));
    }

    [Fact]
    public void Every_cmdlet_that_changes_something_supports_should_process()
    {
        foreach (var cmdlet in _module.Cmdlets)
        {
            Assert.True(!ChangingVerbs.Contains(cmdlet.Verb) || cmdlet.SupportsShouldProcess, $"{cmdlet.Name} changes state but does not support -WhatIf/-Confirm");
        }
    }

    [Fact]
    public void Every_cmdlet_declares_real_output_types_that_have_a_format_view()
    {
        var views = XDocument.Load(Path.Combine(RepositoryPaths.Root, "module", "CloudLink.Format.ps1xml"))
            .Descendants("TypeName").Select(t => t.Value).ToHashSet(StringComparer.Ordinal);
        foreach (var cmdlet in _module.Cmdlets)
        {
            Assert.True(cmdlet.OutputTypes.Count > 0, $"{cmdlet.Name} declares no [OutputType]");
            foreach (var type in cmdlet.OutputTypes)
            {
                Assert.NotEqual("System.Object", type.FullName);
                Assert.True(type.Namespace!.StartsWith("CloudLink.", StringComparison.Ordinal) || type.Namespace == "System", $"{cmdlet.Name}: {type.FullName}");
                Assert.True(type.Namespace == "System" || views.Contains(type.FullName!), $"{cmdlet.Name}: no view for {type.FullName} in CloudLink.Format.ps1xml");
            }
        }
    }

    [Fact]
    public void Instances_can_be_piped_into_every_cmdlet_that_acts_on_one()
    {
        foreach (var cmdlet in _module.Cmdlets.Where(c => c.Parameters.Any(p => p.Name == "ConfigPath")))
        {
            var parameter = cmdlet.Parameters.Single(p => p.Name == "ConfigPath");
            Assert.True(parameter.FromPipelineByName, $"{cmdlet.Name} -ConfigPath does not take instances from the pipeline");
            Assert.Contains("FullName", parameter.Aliases);
        }

        Assert.True(_module.Cmdlets.Count(c => c.Parameters.Any(p => p.Name == "ConfigPath")) >= 12);
    }

    [Fact]
    public void Every_cmdlet_and_parameter_has_help_with_an_example()
    {
        var docs = Docs();
        foreach (var cmdlet in _module.Cmdlets)
        {
            Assert.False(string.IsNullOrWhiteSpace(docs.Synopsis(cmdlet.Type)), $"{cmdlet.Name} has no synopsis");
            Assert.NotEmpty(docs.Description(cmdlet.Type));
            var examples = docs.Examples(cmdlet.Type);
            Assert.True(examples.Count > 0, $"{cmdlet.Name} has no example");
            Assert.All(examples, e => Assert.Contains(cmdlet.Name, e.Code, StringComparison.Ordinal));
            Assert.All(examples, e => Assert.False(string.IsNullOrWhiteSpace(e.Remarks), $"{cmdlet.Name}: an example without a remark"));
            foreach (var parameter in cmdlet.Parameters)
            {
                Assert.False(string.IsNullOrWhiteSpace(docs.Parameter(parameter.Property)), $"{cmdlet.Name} -{parameter.Name} has no help");
            }
        }
    }

    [Fact]
    public void The_committed_maml_help_is_generated_from_the_doc_comments()
    {
        // CLOUDLINK_WRITE_HELP=1 dotnet test --filter The_committed_maml_help rewrites the file after a doc change.
        var generated = MamlHelp.Generate(_module, Docs());
        if (Environment.GetEnvironmentVariable("CLOUDLINK_WRITE_HELP") == "1")
        {
            File.WriteAllText(HelpFile, generated);
        }

        Assert.True(File.Exists(HelpFile), $"{HelpFile} is missing; run the test with CLOUDLINK_WRITE_HELP=1");
        Assert.True(generated == File.ReadAllText(HelpFile), $"{HelpFile} is out of date; run this test with CLOUDLINK_WRITE_HELP=1 and commit the result");
        var help = XDocument.Parse(generated);
        Assert.Equal(_module.Cmdlets.Count, help.Root!.Elements().Count());
    }

    [Fact]
    public void The_about_topic_names_every_cmdlet()
    {
        var about = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "module", "en-US", "about_CloudLink.help.txt"));
        Assert.All(_module.Cmdlets, c => Assert.Contains(c.Name, about, StringComparison.Ordinal));
    }

    private CmdletDocs Docs() => new(Path.Combine(_module.Folder, "CloudLink.PowerShell.xml"));

    [GeneratedRegex(@"CmdletsToExport\s*=\s*@\(([^)]*)\)")]
    private static partial Regex ExportsBlock();
}
