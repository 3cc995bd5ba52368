using System.Management.Automation;
using CloudLink.Core.Config;
using CloudLink.PowerShell.Support;

namespace CloudLink.PowerShell.Cmdlets;

/// <summary>
/// <para type="synopsis">Changes settings of a CloudLink instance.</para>
/// <para type="description">Edits the instance's injixo-cloud-link.toml with CloudLink's TOML editor: comments, blank lines and key order stay; a value that would make the config invalid is refused and the file is left as it was. Named parameters cover the documented keys; -Key and -Value set any of them. The service reads the config at start: use -Restart to apply the change at once.</para>
/// </summary>
/// <example>
///   <code>Set-CloudLinkConfig -ConfigPath /opt/cl/east -VerboseLogging $true -Restart</code>
///   <para>Logs row counts and the first rows of each database query, from now on.</para>
/// </example>
/// <example>
///   <code>Get-CloudLinkInstance | Set-CloudLinkConfig -Key csv.settleSeconds -Value 10 -WhatIf</code>
///   <para>Shows the change each instance would get.</para>
/// </example>
[Cmdlet(VerbsCommon.Set, "CloudLinkConfig", SupportsShouldProcess = true)]
[OutputType(typeof(ConfigChange))]
public sealed class SetCloudLinkConfigCommand : InstanceParameterCmdlet
{
    /// <summary><para type="description">app.verbose: log, per database query, the row count and the first ten rows.</para></summary>
    [Parameter]
    public bool? VerboseLogging { get; set; }

    /// <summary><para type="description">app.importDirectory: the folder scanned for CSV files (absolute, or relative to the instance folder).</para></summary>
    [Parameter]
    public string? ImportDirectory { get; set; }

    /// <summary><para type="description">app.name: the instance's unique name, which also names its service (reinstall the service after changing it).</para></summary>
    [Parameter]
    public string? Name { get; set; }

    /// <summary><para type="description">cloud.url: the cloud the instance links to.</para></summary>
    [Parameter]
    public string? CloudUrl { get; set; }

    /// <summary><para type="description">log.level: debug, information, warning or error.</para></summary>
    [Parameter]
    [ValidateSet("debug", "information", "warning", "error")]
    public string? LogLevel { get; set; }

    /// <summary><para type="description">Any documented key, e.g. csv.settleSeconds; with -Value.</para></summary>
    [Parameter]
    public string? Key { get; set; }

    /// <summary><para type="description">The value for -Key: a boolean, a number or text.</para></summary>
    [Parameter]
    public object? Value { get; set; }

    /// <summary><para type="description">Restart the instance's service afterwards so the change takes effect.</para></summary>
    [Parameter]
    public SwitchParameter Restart { get; set; }

    /// <summary><para type="description">Return each change (key, old and new value).</para></summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void ProcessRecord() => Guard(ConfigPath, () =>
    {
        var instance = ResolveInstance(ConfigPath);
        var changes = new List<(string Key, object Value)>();
        Add(changes, "app.verbose", VerboseLogging);
        Add(changes, "app.importDirectory", ImportDirectory);
        Add(changes, "app.name", Name);
        Add(changes, "cloud.url", CloudUrl);
        Add(changes, "log.level", LogLevel);
        if (Key is not null)
        {
            var value = Value is PSObject wrapped ? wrapped.BaseObject : Value;
            changes.Add((Key, value ?? throw new ArgumentException("-Key needs a -Value.")));
        }

        if (changes.Count == 0)
        {
            throw new ArgumentException("Nothing to set: give a named setting (e.g. -VerboseLogging $true) or -Key and -Value.");
        }

        foreach (var (key, value) in changes)
        {
            var shown = ConfigSecrets.IsSecret(key, value) ? ConfigSecrets.Display(key, value) : ConfigFile.Format(value);
            if (ShouldProcess(instance.Paths.ConfigFile, $"Set {key} = {shown}"))
            {
                var change = ConfigFile.Set(instance.Paths, key, value is int number ? (long)number : value);
                if (PassThru)
                {
                    WriteObject(change);
                }
            }
        }

        if (Restart && ShouldProcess(instance.Service, "Restart service"))
        {
            Agent.Require(instance.Executable, instance.Paths, "service", "restart");
        }
    });

    private static void Add(List<(string, object)> changes, string key, object? value)
    {
        if (value is not null)
        {
            changes.Add((key, value));
        }
    }
}
