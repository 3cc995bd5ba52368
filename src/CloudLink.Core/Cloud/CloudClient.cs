using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using CloudLink.Protocol;

namespace CloudLink.Core.Cloud;

/// <summary>
/// The agent's side of docs/protocol.md. Every call authenticates with the agent's own secret;
/// errors become <see cref="CloudException"/> (the cloud said no) or
/// <see cref="CloudUnreachableException"/> (no answer, with the socket error and what to check).
/// </summary>
public sealed class CloudClient : IDisposable
{
    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(60);
    private readonly HttpClient _http;
    private readonly Uri _baseAddress;

    private readonly CloudTrust _trust;
    private readonly CloudProxy? _proxy;

    /// <summary>A client for <paramref name="baseAddress"/>, through <paramref name="proxy"/> if one applies, trusting the system's or <paramref name="caFile"/>'s authority.</summary>
    public CloudClient(Uri baseAddress, string? caFile = null, CloudProxy? proxy = null)
    {
        if (CloudAddress.Problem(baseAddress.ToString()) is { } problem)
        {
            throw new ArgumentException(problem, nameof(baseAddress));
        }

        _baseAddress = new Uri(baseAddress.GetLeftPart(UriPartial.Path).TrimEnd('/') + "/");
        _trust = CloudTrust.Load(caFile);
        _proxy = proxy is not null && !proxy.IsBypassed(_baseAddress) ? proxy : null;
        var handler = new HttpClientHandler
        {
            UseProxy = _proxy is not null,
            Proxy = _proxy,
            ServerCertificateCustomValidationCallback = (_, certificate, chain, errors) => _trust.Validate(certificate, chain, errors),
        };
        _http = new HttpClient(handler, disposeHandler: true);
        _http.Timeout = Timeout.InfiniteTimeSpan;
        _http.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("injixo-cloud-link", AgentVersion.Current));
    }

    public Uri BaseAddress => _baseAddress;

    public Task<PairingStatus> RequestPinAsync(string secret, PairingRequest request, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, AgentRoutes.Pairing, secret, Json(request, ProtocolJson.Default.PairingRequest),
            ProtocolJson.Default.PairingStatus, cancellationToken)!;

    /// <summary>The state of this secret's PIN, or null if it never requested one.</summary>
    public async Task<PairingStatus?> PollPairingAsync(string secret, CancellationToken cancellationToken)
    {
        try
        {
            return await SendAsync(HttpMethod.Get, AgentRoutes.Pairing, secret, null, ProtocolJson.Default.PairingStatus, cancellationToken);
        }
        catch (CloudException e) when (e.Status == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    public Task<IntegrationSettings> GetSettingsAsync(string secret, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Get, AgentRoutes.Settings, secret, null, ProtocolJson.Default.IntegrationSettings, cancellationToken)!;

    public Task HeartbeatAsync(string secret, HeartbeatRequest request, CancellationToken cancellationToken) =>
        SendAsync<object>(HttpMethod.Post, AgentRoutes.Heartbeat, secret, Json(request, ProtocolJson.Default.HeartbeatRequest), null, cancellationToken);

    /// <summary>What the cloud holds of this content for the agent's integration, or null if nothing.</summary>
    public async Task<ReceivedFileInfo?> FindFileAsync(string secret, string sha256, CancellationToken cancellationToken)
    {
        try
        {
            return await SendAsync(HttpMethod.Get, AgentRoutes.Files + "/" + sha256, secret, null, ProtocolJson.Default.ReceivedFileInfo, cancellationToken);
        }
        catch (CloudException e) when (e.Status == HttpStatusCode.NotFound && e.Code == ErrorCodes.NotFound)
        {
            return null;
        }
    }

    /// <summary>The latest version of every database window the cloud holds for the agent's integration.</summary>
    public async Task<List<ReceivedWindowInfo>> ListWindowsAsync(string secret, CancellationToken cancellationToken) =>
        await SendAsync(HttpMethod.Get, AgentRoutes.Windows, secret, null, ProtocolJson.Default.ListReceivedWindowInfo, cancellationToken) ?? [];

    /// <summary>Streams <paramref name="content"/> to the cloud; it recomputes the SHA-256 and acknowledges.</summary>
    public Task<UploadResult> UploadAsync(string secret, string fileName, string sha256, Stream content, CancellationToken cancellationToken)
    {
        var path = AgentRoutes.Files +
            "?" + AgentRoutes.FileNameParameter + "=" + Uri.EscapeDataString(fileName) +
            "&" + AgentRoutes.Sha256Parameter + "=" + sha256;
        var body = new StreamContent(content, 1 << 16);
        body.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        return SendAsync(HttpMethod.Post, path, secret, body, ProtocolJson.Default.UploadResult, cancellationToken, uploadTimeout: true)!;
    }

    /// <summary>Sends the agent's check of an uploaded file; the cloud keeps it beside the file.</summary>
    public Task ReportCheckAsync(string secret, long fileId, CsvCheckReport report, CancellationToken cancellationToken) =>
        SendAsync<UploadResult>(HttpMethod.Post, AgentRoutes.Files + "/" + fileId.ToString(System.Globalization.CultureInfo.InvariantCulture) + AgentRoutes.FileCheckSuffix,
            secret, Json(report, ProtocolJson.Default.CsvCheckReport), null, cancellationToken);

    /// <summary>Streams one database window (gzip-compressed CSV) with its key and bounds; the cloud stores each version once.</summary>
    public Task<UploadResult> UploadWindowAsync(
        string secret, string key, string from, string to, long rows, string sha256, Stream content, CancellationToken cancellationToken)
    {
        var path = AgentRoutes.Windows +
            "?" + AgentRoutes.WindowKeyParameter + "=" + Uri.EscapeDataString(key) +
            "&" + AgentRoutes.WindowFromParameter + "=" + Uri.EscapeDataString(from) +
            "&" + AgentRoutes.WindowToParameter + "=" + Uri.EscapeDataString(to) +
            "&" + AgentRoutes.WindowRowsParameter + "=" + rows.ToString(System.Globalization.CultureInfo.InvariantCulture) +
            "&" + AgentRoutes.Sha256Parameter + "=" + sha256;
        var body = new StreamContent(content, 1 << 16);
        body.Headers.ContentType = new MediaTypeHeaderValue("application/gzip");
        return SendAsync(HttpMethod.Post, path, secret, body, ProtocolJson.Default.UploadResult, cancellationToken, uploadTimeout: true)!;
    }

    public void Dispose() => _http.Dispose();

    private static ByteArrayContent Json<T>(T value, JsonTypeInfo<T> type)
    {
        var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(value, type));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return content;
    }

    private async Task<T?> SendAsync<T>(
        HttpMethod method, string path, string secret, HttpContent? body, JsonTypeInfo<T>? resultType,
        CancellationToken cancellationToken, bool uploadTimeout = false)
        where T : class
    {
        using var request = new HttpRequestMessage(method, new Uri(_baseAddress, path.TrimStart('/')));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        request.Content = body;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (!uploadTimeout)
        {
            timeout.CancelAfter(CallTimeout);
        }

        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        }
        catch (HttpRequestException e)
        {
            throw Unreachable(e);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new CloudUnreachableException(
                $"The cloud at {_baseAddress} did not answer within {CallTimeout.TotalSeconds:0} seconds. Check the network path and the proxy (HTTPS_PROXY).", e);
        }

        using (response)
        {
            var bytes = await ReadAllAsync(response, timeout.Token);
            if (!response.IsSuccessStatusCode)
            {
                throw Refusal(response.StatusCode, bytes);
            }

            return resultType is null || bytes.Length == 0 ? null : JsonSerializer.Deserialize(bytes, resultType);
        }
    }

    private static async Task<byte[]> ReadAllAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
#if NET5_0_OR_GREATER
        return await response.Content.ReadAsByteArrayAsync(cancellationToken);
#else
        cancellationToken.ThrowIfCancellationRequested();
        return await response.Content.ReadAsByteArrayAsync();
#endif
    }

    private static CloudException Refusal(HttpStatusCode status, byte[] body)
    {
        ErrorResponse? error = null;
        try
        {
            error = body.Length == 0 ? null : JsonSerializer.Deserialize(body, ProtocolJson.Default.ErrorResponse);
        }
        catch (JsonException)
        {
        }

        var code = error?.Code ?? ((int)status).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var message = error?.Message ?? $"HTTP {(int)status} {status} without an error body; is the cloud address right?";
        return status == HttpStatusCode.Unauthorized
            ? new CredentialRejectedException(status, code, message)
            : new CloudException(status, code, message);
    }

    private CloudUnreachableException Unreachable(HttpRequestException e)
    {
        if (FindInner<System.Security.Authentication.AuthenticationException>(e) is not null)
        {
            return new CloudUnreachableException(
                $"The cloud at {_baseAddress} presented a TLS certificate this agent does not trust: {_trust.LastFailure ?? e.Message}. " +
                (_trust.UsesPrivateAuthority
                    ? "Check that cloud.caFile holds the authority that issued the cloud's certificate and that [cloud] url names the host the certificate is for."
                    : "If the cloud or a TLS-inspecting proxy uses a private certificate authority, set cloud.caFile to its PEM file ('injixo-cloud-link config set cloud.caFile /path/ca.pem').") +
                " The check is never skipped.", e);
        }

        if (_proxy is not null && IsProxyRefusal(e))
        {
            return new CloudUnreachableException(
                $"The proxy {_proxy.Settings.Address.Masked} refused the connection to the cloud at {_baseAddress} with 407 Proxy Authentication Required: " +
                "check the user name and password in HTTPS_PROXY (set them with 'injixo-cloud-link proxy set URL --user NAME' or Set-CloudLinkProxy -Credential).", e);
        }

        if (_proxy is not null && FindInner<SocketException>(e) is { } proxySocket)
        {
            return new CloudUnreachableException(
                $"Cannot reach the proxy {_proxy.Settings.Address.Masked} (from HTTPS_PROXY) on the way to {_baseAddress}: socket error {proxySocket.SocketErrorCode} ({proxySocket.ErrorCode}): {proxySocket.Message}; " +
                "check that the proxy runs and its address is right, or add the cloud's host to NO_PROXY if it is reached directly.", e);
        }

        var socket = FindInner<SocketException>(e);
        var detail = socket is null
            ? e.Message
            : $"socket error {socket.SocketErrorCode} ({socket.ErrorCode}): {socket.Message}";
        var check = socket?.SocketErrorCode switch
        {
            SocketError.HostNotFound or SocketError.TryAgain or SocketError.NoData =>
                $"check that the host name in [cloud] url resolves (DNS) from this server",
            SocketError.ConnectionRefused =>
                "check that the cloud address and port in [cloud] url are right and that nothing blocks the connection",
            SocketError.TimedOut or SocketError.NetworkUnreachable or SocketError.HostUnreachable =>
                "check that outgoing TCP 443 is open in the firewall, or set HTTPS_PROXY if a proxy is required",
            _ => "check the network, the firewall (outgoing TCP 443) and the proxy setting (HTTPS_PROXY)",
        };
        return new CloudUnreachableException($"Cannot reach the cloud at {_baseAddress}: {detail}; {check}.", e);
    }

    private static bool IsProxyRefusal(HttpRequestException e) =>
#if NET
        e.StatusCode == HttpStatusCode.ProxyAuthenticationRequired ||
#endif
        e.Message.Contains("407", StringComparison.Ordinal);

    private static T? FindInner<T>(Exception e)
        where T : Exception
    {
        for (Exception? current = e; current is not null; current = current.InnerException)
        {
            if (current is T match)
            {
                return match;
            }
        }

        return null;
    }
}
