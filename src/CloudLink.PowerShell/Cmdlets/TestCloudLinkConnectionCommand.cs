using System.Management.Automation;
using CloudLink.Core.Config;
using CloudLink.Core.Connectivity;
using CloudLink.Core.Proxy;
using CloudLink.PowerShell.Support;

namespace CloudLink.PowerShell.Cmdlets;

/// <summary>
/// <para type="synopsis">Tests the way from this host to the cloud, step by step.</para>
/// <para type="description">For each cloud host (the instance's cloud.url, plus any -Uri): DNS, TCP (to the proxy when one applies), the TLS handshake with the certificate checked, and an HTTP request, through the host's CloudLink proxy. One result per host says which step failed and what to check.</para>
/// </summary>
/// <example>
///   <code>Test-CloudLinkConnection -ConfigPath /opt/cl/east</code>
///   <para>Checks the path to the instance's cloud.</para>
/// </example>
/// <example>
///   <code>Test-CloudLinkConnection -Uri https://www.injixo.com, https://storage.injixo.com | Where-Object { -not $_.Succeeded }</code>
///   <para>Lists the hosts the firewall or proxy still blocks.</para>
/// </example>
[Cmdlet(VerbsDiagnostic.Test, "CloudLinkConnection")]
[OutputType(typeof(ConnectionCheck))]
public sealed class TestCloudLinkConnectionCommand : InstanceParameterCmdlet
{
    /// <summary><para type="description">Cloud hosts to test; without it, the instance's cloud.url.</para></summary>
    [Parameter]
    public Uri[]? Uri { get; set; }

    /// <summary><para type="description">How long each host may take, in seconds.</para></summary>
    [Parameter]
    [ValidateRange(1, 300)]
    public int TimeoutSeconds { get; set; } = 15;

    protected override void ProcessRecord() => Guard(ConfigPath, () =>
    {
        var targets = Uri ?? [ConfigLoader.Load(ResolveInstance(ConfigPath).Paths).CloudUrl];
        var proxy = new HostProxy(Runner, Catalog).Read();
        foreach (var target in targets)
        {
            WriteProgress(new ProgressRecord(1, "Test-CloudLinkConnection", target.Host));
            WriteObject(ConnectionProbe.CheckAsync(target, proxy, TimeSpan.FromSeconds(TimeoutSeconds), CancellationToken.None).GetAwaiter().GetResult());
        }
    });
}
