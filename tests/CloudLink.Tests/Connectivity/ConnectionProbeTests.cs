using System.Net;
using System.Net.Sockets;
using CloudLink.Core.Connectivity;
using CloudLink.Core.Proxy;
using CloudLink.Tests.Support;

namespace CloudLink.Tests.Connectivity;

/// <summary>Test-CloudLinkConnection's walk (DNS, TCP, TLS, HTTP) against the real reference cloud and real failures.</summary>
public sealed class ConnectionProbeTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task The_reference_cloud_is_reached_step_by_step()
    {
        await using var cloud = await CloudServer.StartAsync();

        var check = await ConnectionProbe.CheckAsync(cloud.BaseAddress, proxy: null, Timeout, CancellationToken.None);

        Assert.True(check.Succeeded, check.Message);
        Assert.True(check.DnsResolved);
        Assert.Equal("127.0.0.1", check.Addresses);
        Assert.True(check.TcpConnected);
        Assert.Null(check.TlsEstablished);
        Assert.NotNull(check.HttpStatus);
        Assert.Null(check.Proxy);
    }

    [Fact]
    public async Task A_closed_port_stops_at_tcp_and_points_at_the_firewall()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();

        var check = await ConnectionProbe.CheckAsync(new Uri($"https://127.0.0.1:{port}/"), proxy: null, Timeout, CancellationToken.None);

        Assert.False(check.Succeeded);
        Assert.True(check.DnsResolved);
        Assert.False(check.TcpConnected);
        Assert.Null(check.HttpStatus);
        Assert.Contains($"TCP to 127.0.0.1:{port} failed; check the firewall", check.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_host_stops_at_dns()
    {
        var check = await ConnectionProbe.CheckAsync(new Uri("https://cloudlink-test.invalid/"), proxy: null, Timeout, CancellationToken.None);

        Assert.False(check.Succeeded);
        Assert.False(check.DnsResolved);
        Assert.False(check.TcpConnected);
        Assert.Contains("DNS cannot resolve cloudlink-test.invalid", check.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_plain_http_server_on_the_tls_port_fails_the_handshake()
    {
        await using var cloud = await CloudServer.StartAsync();
        var https = new UriBuilder(cloud.BaseAddress) { Scheme = "https" }.Uri;

        var check = await ConnectionProbe.CheckAsync(https, proxy: null, Timeout, CancellationToken.None);

        Assert.False(check.Succeeded);
        Assert.True(check.TcpConnected);
        Assert.False(check.TlsEstablished);
    }

    [Fact]
    public async Task A_host_in_no_proxy_is_reached_directly_and_a_dead_proxy_is_named()
    {
        await using var cloud = await CloudServer.StartAsync();
        var deadProxy = new ProxySettings(ProxyAddress.Parse("http://127.0.0.1:9", "test"), "127.0.0.1");

        var bypassed = await ConnectionProbe.CheckAsync(cloud.BaseAddress, deadProxy, Timeout, CancellationToken.None);
        var viaDead = await ConnectionProbe.CheckAsync(cloud.BaseAddress, new ProxySettings(deadProxy.Address, null), Timeout, CancellationToken.None);

        Assert.True(bypassed.Succeeded, bypassed.Message);
        Assert.Null(bypassed.Proxy);
        Assert.False(viaDead.Succeeded);
        Assert.Equal("http://127.0.0.1:9", viaDead.Proxy);
        Assert.Contains("TCP to 127.0.0.1:9 failed", viaDead.Message, StringComparison.Ordinal);
        Assert.Contains("that the proxy runs", viaDead.Message, StringComparison.Ordinal);
    }
}
