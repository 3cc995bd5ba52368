using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;

namespace CloudLink.Tests.Support;

/// <summary>
/// An HTTP client whose connections leave from another loopback address (127.0.0.2, 127.0.0.3,
/// ...: all of 127/8 is loopback on Linux), so that the cloud sees separate sources, as it would
/// see different machines.
/// </summary>
public static class SourceBoundClient
{
    public static HttpClient Create(Uri baseAddress, string source, string? token = null)
    {
        var handler = new SocketsHttpHandler
        {
            ConnectCallback = async (context, cancellationToken) =>
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    socket.Bind(new IPEndPoint(IPAddress.Parse(source), 0));
                    await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        var client = new HttpClient(handler) { BaseAddress = baseAddress };
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return client;
    }
}
