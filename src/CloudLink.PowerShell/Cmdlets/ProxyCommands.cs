using System.Management.Automation;
using System.Runtime.InteropServices;
using CloudLink.Core.Proxy;
using CloudLink.PowerShell.Support;

namespace CloudLink.PowerShell.Cmdlets;

/// <summary>
/// <para type="synopsis">Sets the proxy every CloudLink instance on this host uses.</para>
/// <para type="description">Windows: the machine variables HTTPS_PROXY and NO_PROXY (services run as LocalSystem). Linux: /etc/injixo-cloud-link/proxy.env (mode 0600) and a systemd drop-in per instance so the services see it. Credentials are URL-encoded into the URL, so any character works; they are never shown. A URI without a scheme is refused. Restart the instances to apply.</para>
/// </summary>
/// <example>
///   <code>Set-CloudLinkProxy -Uri http://proxy.corp:3128 -Credential (Get-Credential) -NoProxy 'localhost,.corp'</code>
///   <para>A proxy with a login, bypassed for local and corporate hosts.</para>
/// </example>
[Cmdlet(VerbsCommon.Set, "CloudLinkProxy", SupportsShouldProcess = true)]
[OutputType(typeof(ProxyInfo))]
public sealed class SetCloudLinkProxyCommand : CloudLinkCmdlet
{
    /// <summary><para type="description">The proxy: http://host:port or https://host:port.</para></summary>
    [Parameter(Mandatory = true, Position = 0)]
    public string Uri { get; set; } = "";

    /// <summary><para type="description">The proxy login, if it needs one.</para></summary>
    [Parameter]
    [Credential]
    public PSCredential? Credential { get; set; }

    /// <summary><para type="description">Hosts and domains reached directly (NO_PROXY), e.g. 'localhost,.corp.example'.</para></summary>
    [Parameter]
    public string[]? NoProxy { get; set; }

    /// <summary><para type="description">Return the proxy as set (password masked).</para></summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void ProcessRecord() => Guard(Uri, () =>
    {
        var address = ProxyAddress.Parse(Uri, "-Uri");
        if (Credential is not null)
        {
            address = address.WithCredential(Credential.UserName, Plain(Credential));
        }

        var settings = new ProxySettings(address, NoProxy is null ? null : string.Join(",", NoProxy));
        var proxy = new HostProxy(Runner, Catalog);
        if (ShouldProcess(proxy.Location, $"Set the proxy to {address.Masked}"))
        {
            proxy.Write(settings);
            WriteWarning("Restart the instances (Get-CloudLinkInstance | Restart-CloudLinkInstance) for them to use the proxy.");
            if (PassThru)
            {
                WriteObject(ProxyInfo.From(settings, proxy.Location));
            }
        }
    }, terminating: true);

    private static string Plain(PSCredential credential)
    {
        var pointer = Marshal.SecureStringToGlobalAllocUnicode(credential.Password);
        try
        {
            return Marshal.PtrToStringUni(pointer) ?? "";
        }
        finally
        {
            Marshal.ZeroFreeGlobalAllocUnicode(pointer);
        }
    }
}

/// <summary>
/// <para type="synopsis">Gets the proxy the CloudLink instances on this host use.</para>
/// <para type="description">Returns the proxy address with the password masked, the user name, the hosts that bypass it and where the setting is kept; nothing when no proxy is set.</para>
/// </summary>
/// <example>
///   <code>Get-CloudLinkProxy</code>
///   <para>Shows the proxy, e.g. http://svc:****@proxy.corp:3128.</para>
/// </example>
[Cmdlet(VerbsCommon.Get, "CloudLinkProxy")]
[OutputType(typeof(ProxyInfo))]
public sealed class GetCloudLinkProxyCommand : CloudLinkCmdlet
{
    protected override void ProcessRecord() => Guard(null, () =>
    {
        var proxy = new HostProxy(Runner, Catalog);
        if (proxy.Read() is { } settings)
        {
            WriteObject(ProxyInfo.From(settings, proxy.Location));
        }
    });
}

/// <summary>
/// <para type="synopsis">Removes the proxy of the CloudLink instances on this host.</para>
/// <para type="description">Removes the machine variables (Windows) or the environment file and the drop-ins (Linux). Restart the instances to connect directly.</para>
/// </summary>
/// <example>
///   <code>Remove-CloudLinkProxy -WhatIf</code>
///   <para>Shows what would be removed.</para>
/// </example>
[Cmdlet(VerbsCommon.Remove, "CloudLinkProxy", SupportsShouldProcess = true)]
[OutputType(typeof(ProxyInfo))]
public sealed class RemoveCloudLinkProxyCommand : CloudLinkCmdlet
{
    /// <summary><para type="description">Return the proxy that was removed (password masked).</para></summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void ProcessRecord() => Guard(null, () =>
    {
        var proxy = new HostProxy(Runner, Catalog);
        var previous = proxy.Read();
        if (!ShouldProcess(proxy.Location, "Remove the proxy"))
        {
            return;
        }

        proxy.Remove();
        if (previous is null)
        {
            WriteVerbose("No proxy was set.");
        }
        else if (PassThru)
        {
            WriteObject(ProxyInfo.From(previous, proxy.Location));
        }
    });
}
