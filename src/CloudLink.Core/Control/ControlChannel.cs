using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using CloudLink.Core.Instance;
using CloudLink.Core.State;
using Serilog;

namespace CloudLink.Core.Control;

/// <summary>
/// The running agent's local control channel: a Unix domain socket in the instance's private state
/// folder (0700, socket 0600), so only its owner (root for a service) can talk to it. One JSON
/// line in, one JSON line out. 'pin', 'status' and 'import' use it when the agent runs, and work
/// from the files when it does not.
/// </summary>
public sealed class ControlChannel : IAsyncDisposable
{
    private const int MaxRequestBytes = 4096;
    private readonly Socket _listener;
    private readonly Func<ControlRequest, CancellationToken, Task<ControlResponse>> _handle;
    private readonly ILogger _log;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;
    private readonly string _path;

    private ControlChannel(string path, Socket listener, Func<ControlRequest, CancellationToken, Task<ControlResponse>> handle, ILogger log)
    {
        _path = path;
        _listener = listener;
        _handle = handle;
        _log = log;
        _accepting = Task.Run(AcceptAsync);
    }

    public static string SocketPath(InstancePaths paths) => Path.Combine(paths.StateFolder, "control.sock");

    /// <summary>Opens the channel; null (with a warning) where the socket cannot be made, which only costs the live answers.</summary>
    public static ControlChannel? Open(InstancePaths paths, Func<ControlRequest, CancellationToken, Task<ControlResponse>> handle, ILogger log)
    {
        var path = SocketPath(paths);
        try
        {
            AtomicFile.EnsurePrivateFolder(paths.StateFolder);
            File.Delete(path);
            var listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            listener.Bind(new UnixDomainSocketEndPoint(path));
            NativeUnix.SetMode(path, AtomicFile.PrivateMode);
            listener.Listen(8);
            return new ControlChannel(path, listener, handle, log);
        }
        catch (Exception e) when (e is SocketException or IOException or UnauthorizedAccessException or ArgumentException)
        {
            log.Warning("The control channel {Path} could not be opened ({Problem}); 'pin' and 'status' read the files instead.", path, e.Message);
            return null;
        }
    }

    /// <summary>Asks the running agent; null when none listens (it is stopped), so the caller reads the files.</summary>
    /// <exception cref="UnauthorizedAccessException">The channel exists but this user may not use it.</exception>
    public static async Task<ControlResponse?> AskAsync(InstancePaths paths, ControlRequest request, TimeSpan timeout)
    {
        var path = SocketPath(paths);
        if (NativeUnix.Stat(path, followLinks: false) is { IsSymbolicLink: true })
        {
            // Only the agent makes the socket; a link in its place is not the agent's and is not followed.
            throw new SymbolicLinkException(path);
        }

        Socket socket;
        try
        {
            socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        }
        catch (SocketException)
        {
            // No Unix sockets on this system (older Windows, Wine): the files answer.
            return null;
        }

        using var _ = socket;
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await socket.ConnectAsync(new UnixDomainSocketEndPoint(path), cancel.Token);
        }
        catch (SocketException e) when (e.SocketErrorCode is SocketError.AccessDenied)
        {
            throw new UnauthorizedAccessException($"Only the owner of {paths.Folder} (root for a service) may talk to the running agent; run the command with sudo.", e);
        }
        catch (SocketException)
        {
            return null;
        }

        await socket.SendAsync(JsonSerializer.SerializeToUtf8Bytes(request, StateJson.Default.ControlRequest).Append((byte)'\n').ToArray(), cancel.Token);
        var answer = await ReadLineAsync(socket, cancel.Token);
        return answer is null ? null : JsonSerializer.Deserialize(answer, StateJson.Default.ControlResponse);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Dispose();
        try
        {
            await _accepting;
        }
        catch (OperationCanceledException)
        {
        }

        File.Delete(_path);
        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await _listener.AcceptAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }

            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(Socket client)
    {
        using (client)
        {
            try
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
                timeout.CancelAfter(TimeSpan.FromSeconds(30));
                var line = await ReadLineAsync(client, timeout.Token);
                var request = line is null ? null : JsonSerializer.Deserialize(line, StateJson.Default.ControlRequest);
                var response = request is null
                    ? new ControlResponse { Message = "Send one JSON line: {\"command\":\"status\"}." }
                    : await AnswerAsync(request, timeout.Token);
                await client.SendAsync(JsonSerializer.SerializeToUtf8Bytes(response, StateJson.Default.ControlResponse).Append((byte)'\n').ToArray(), timeout.Token);
            }
            catch (Exception e) when (e is SocketException or JsonException or OperationCanceledException or IOException)
            {
                _log.Debug("Control channel request failed: {Problem}", e.Message);
            }
        }
    }

    /// <summary>The handler's answer; a failure is answered too (with its message), so the caller never waits for nothing.</summary>
    private async Task<ControlResponse> AnswerAsync(ControlRequest request, CancellationToken cancellationToken)
    {
        try
        {
            return await _handle(request, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException and not OutOfMemoryException)
        {
            _log.Warning(e, "The control channel's {Command} request failed.", request.Command);
            return new ControlResponse { Message = $"The running agent failed the request: {e.Message}" };
        }
    }

    private static async Task<byte[]?> ReadLineAsync(Socket socket, CancellationToken cancellationToken)
    {
        var buffer = new byte[MaxRequestBytes];
        var length = 0;
        while (length < buffer.Length)
        {
            var read = await socket.ReceiveAsync(buffer.AsMemory(length), cancellationToken);
            if (read == 0)
            {
                break;
            }

            length += read;
            var newline = Array.IndexOf(buffer, (byte)'\n', 0, length);
            if (newline >= 0)
            {
                return buffer.AsSpan(0, newline).ToArray();
            }
        }

        return length == 0 ? null : buffer.AsSpan(0, length).ToArray();
    }
}
