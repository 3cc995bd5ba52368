using System.Net.Sockets;
using System.Text;

namespace CloudLink.Core.Service;

/// <summary>Tells systemd about the service's state (Type=notify) through $NOTIFY_SOCKET; does nothing elsewhere.</summary>
public static class SdNotify
{
    public static bool Ready() => Send("READY=1");

    public static bool Stopping() => Send("STOPPING=1");

    public static bool Send(string state)
    {
        var socketPath = Environment.GetEnvironmentVariable("NOTIFY_SOCKET");
        if (string.IsNullOrEmpty(socketPath))
        {
            return false;
        }

        try
        {
            // An abstract socket is named with a leading '@' and addressed with a leading NUL.
            var address = socketPath![0] == '@' ? string.Concat("\0", socketPath.AsSpan(1)) : socketPath;
            using var socket = new Socket(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
            socket.Connect(new UnixDomainSocketEndPoint(address));
            socket.Send(Encoding.UTF8.GetBytes(state));
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
