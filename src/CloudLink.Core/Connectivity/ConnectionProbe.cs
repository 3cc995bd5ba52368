using System.Diagnostics;
using System.Net;
using System.Net.Http;
using System.Net.Security;
using System.Net.Sockets;
using CloudLink.Core.Proxy;

namespace CloudLink.Core.Connectivity;

/// <summary>
/// Walks the path from this host to a cloud host the way the agent goes: DNS, TCP (to the proxy if
/// one applies), TLS with the certificate checked, and an HTTP request; stops at the first step
/// that fails and says what to check.
/// </summary>
public static class ConnectionProbe
{
    public static async Task<ConnectionCheck> CheckAsync(Uri target, ProxySettings? proxy, TimeSpan timeout, CancellationToken cancellation)
    {
        var clock = Stopwatch.StartNew();
        var viaProxy = proxy is not null && !proxy.Bypasses(target.Host);
        var check = new ConnectionCheck { Host = target.Host, Port = target.Port, Proxy = viaProxy ? proxy!.Address.Masked : null };
        var (host, port) = viaProxy ? (proxy!.Address.Uri.Host, proxy.Address.Uri.Port) : (target.Host, target.Port);
        try
        {
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
            limit.CancelAfter(timeout);
            if (!await StepAsync(check, () => ResolveAsync(check, host), $"DNS cannot resolve {host}; check the DNS servers of this host{(viaProxy ? " and the proxy address" : "")}.").ConfigureAwait(false)
                || !await StepAsync(check, () => ConnectAsync(check, host, port, target, viaProxy, limit.Token), $"TCP to {host}:{port} failed; check the firewall (outgoing TCP {port}){(viaProxy ? " and that the proxy runs" : " or set a proxy (Set-CloudLinkProxy)")}.").ConfigureAwait(false)
                || !await StepAsync(check, () => RequestAsync(check, target, viaProxy ? proxy : null, limit.Token), $"HTTP{(target.Scheme == "https" ? "S" : "")} to {target.GetLeftPart(UriPartial.Authority)} failed{(viaProxy ? " through the proxy; check its login and that it allows CONNECT to port " + target.Port : "")}.").ConfigureAwait(false))
            {
                return check;
            }

            check.Succeeded = true;
            check.Message = $"Reached {target.GetLeftPart(UriPartial.Authority)} (HTTP {check.HttpStatus}){(viaProxy ? " through " + check.Proxy : "")}.";
            return check;
        }
        finally
        {
            check.ElapsedMilliseconds = Math.Round(clock.Elapsed.TotalMilliseconds, 1);
        }
    }

    private static async Task<bool> StepAsync(ConnectionCheck check, Func<Task> step, string advice)
    {
        try
        {
            await step().ConfigureAwait(false);
            return true;
        }
        catch (Exception e) when (e is SocketException or IOException or HttpRequestException or OperationCanceledException or System.Security.Authentication.AuthenticationException)
        {
            check.Message = $"{advice} ({Innermost(e)})";
            return false;
        }
    }

    private static async Task ResolveAsync(ConnectionCheck check, string host)
    {
        var addresses = await Dns.GetHostAddressesAsync(host).ConfigureAwait(false);
        check.Addresses = string.Join(", ", addresses.Select(a => a.ToString()));
        check.DnsResolved = true;
    }

    private static async Task ConnectAsync(ConnectionCheck check, string host, int port, Uri target, bool viaProxy, CancellationToken cancellation)
    {
        using var tcp = new TcpClient();
        using (cancellation.Register(tcp.Dispose))
        {
            await tcp.ConnectAsync(host, port).ConfigureAwait(false);
            check.TcpConnected = true;
            if (target.Scheme != "https" || viaProxy)
            {
                return; // through a proxy the TLS handshake happens inside the CONNECT tunnel, checked by the request
            }

            using var tls = new SslStream(tcp.GetStream(), leaveInnerStreamOpen: false);
            check.TlsEstablished = false;
            await tls.AuthenticateAsClientAsync(target.Host).ConfigureAwait(false);
            check.TlsEstablished = true;
        }
    }

    private static async Task RequestAsync(ConnectionCheck check, Uri target, ProxySettings? proxy, CancellationToken cancellation)
    {
        using var handler = new HttpClientHandler { UseProxy = proxy is not null };
        if (proxy is not null)
        {
            var address = proxy.Address.Uri;
            handler.Proxy = new WebProxy(new Uri(address.GetLeftPart(UriPartial.Authority)))
            {
                Credentials = proxy.Address.UserName is { } user ? new NetworkCredential(user, proxy.Address.Password) : null,
            };
        }

        using var client = new HttpClient(handler);
        using var response = await client.GetAsync(new Uri(target, "/"), cancellation).ConfigureAwait(false);
        check.HttpStatus = (int)response.StatusCode;
        if (target.Scheme == "https")
        {
            check.TlsEstablished = true;
        }

        if (response.StatusCode == HttpStatusCode.ProxyAuthenticationRequired)
        {
            throw new HttpRequestException($"the proxy {proxy?.Address.Masked} refused the login (407); check the user name and password");
        }
    }

    private static string Innermost(Exception e)
    {
        while (e.InnerException is not null)
        {
            e = e.InnerException;
        }

        return e.Message;
    }
}
