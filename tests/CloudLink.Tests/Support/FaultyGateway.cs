using System.Net;
using System.Net.Sockets;
using System.Text;

namespace CloudLink.Tests.Support;

/// <summary>
/// A TCP gateway in front of the real cloud that can turn faulty: pass connections through, answer
/// every request with 500, or accept and never answer (timeouts). The agent talks to the cloud
/// through it; the cloud itself stays real.
/// </summary>
public sealed class FaultyGateway : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly Uri _upstream;
    private readonly CancellationTokenSource _stop = new();
    private readonly System.Collections.Concurrent.ConcurrentDictionary<TcpClient, bool> _open = new();
    private volatile GatewayMode _mode = GatewayMode.Pass;

    public FaultyGateway(Uri upstream)
    {
        _upstream = upstream;
        _listener.Start();
        Address = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");
        _ = AcceptAsync();
    }

    public Uri Address { get; }

    public int Refused { get; private set; }

    /// <summary>The new mode applies to every request from now on: kept-alive connections are cut.</summary>
    public GatewayMode Mode
    {
        get => _mode;
        set
        {
            _mode = value;
            foreach (var client in _open.Keys)
            {
                client.Dispose();
            }
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            _ = ServeAsync(client);
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        _open[client] = true;
        using (client)
        {
            try
            {
                var mode = _mode;
                var stream = client.GetStream();
                if (mode == GatewayMode.Pass)
                {
                    using var upstream = new TcpClient();
                    await upstream.ConnectAsync(_upstream.Host, _upstream.Port, _stop.Token);
                    var upstreamStream = upstream.GetStream();
                    await Task.WhenAny(stream.CopyToAsync(upstreamStream, _stop.Token), upstreamStream.CopyToAsync(stream, _stop.Token));
                    return;
                }

                if (mode == GatewayMode.Error500)
                {
                    await ReadHeadersAsync(stream);
                    Refused++;
                    var response = Encoding.ASCII.GetBytes("HTTP/1.1 500 Internal Server Error\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
                    await stream.WriteAsync(response, _stop.Token);
                    return;
                }

                while (_mode == GatewayMode.Hang && !_stop.IsCancellationRequested)
                {
                    await Task.Delay(200, _stop.Token);
                }
            }
            catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException or InvalidOperationException)
            {
            }
            finally
            {
                _open.TryRemove(client, out _);
            }
        }
    }

    private async Task ReadHeadersAsync(NetworkStream stream)
    {
        var seen = new StringBuilder();
        var buffer = new byte[4096];
        while (!seen.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
        {
            var read = await stream.ReadAsync(buffer, _stop.Token);
            if (read == 0)
            {
                return;
            }

            seen.Append(Encoding.ASCII.GetString(buffer, 0, read));
        }
    }
}

public enum GatewayMode
{
    Pass,
    Error500,
    Hang,
}
