using System.Management.Automation;

namespace CloudLink.PowerShell.Support;

/// <summary>A cmdlet that acts on instances: -ConfigPath, or instances piped from Get-CloudLinkInstance (by their ConfigPath).</summary>
public abstract class InstanceParameterCmdlet : CloudLinkCmdlet
{
    /// <summary>
    /// <para type="description">The instance's injixo-cloud-link.toml or its folder. Instances piped from Get-CloudLinkInstance bind here. Without it, the command acts on the only instance of the host.</para>
    /// </summary>
    [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("Path", "FullName")]
    public string? ConfigPath { get; set; }
}
