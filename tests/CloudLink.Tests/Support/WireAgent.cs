using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using CloudLink.Core.Cloud;
using CloudLink.Protocol;

namespace CloudLink.Tests.Support;

/// <summary>
/// An agent as the cloud sees it over the wire, through the agent's own <see cref="CloudClient"/>,
/// without an agent process: a secret of its own, pairing by PIN, file and window uploads.
/// </summary>
public sealed class WireAgent(Uri cloud) : IDisposable
{
    private readonly CloudClient _client = new(cloud);

    public string Secret { get; } = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public Task<PairingStatus> RequestPinAsync(string hostName = "acd-host", string instanceName = "com.injixo.cloud-link") =>
        _client.RequestPinAsync(Secret, new PairingRequest { HostName = hostName, InstanceName = instanceName, AgentVersion = "0.1.0" }, CancellationToken.None);

    /// <summary>Requests a PIN and has <paramref name="account"/> connect it to its integration.</summary>
    public async Task<AgentInfo> PairAsync(TestAccount account, long integrationId)
    {
        var status = await RequestPinAsync();
        return await account.People.ConnectOkAsync(integrationId, status.Pin!);
    }

    public Task<UploadResult> UploadFileAsync(string name, string content)
    {
        var bytes = Encoding.UTF8.GetBytes(content);
        return _client.UploadAsync(Secret, name, Convert.ToHexStringLower(SHA256.HashData(bytes)), new MemoryStream(bytes), CancellationToken.None);
    }

    public Task<UploadResult> UploadWindowAsync(string from, string to, string csv)
    {
        var body = Gzip(csv);
        return _client.UploadWindowAsync(Secret, $"interval:{from}/{to}", from, to, csv.Count(c => c == '\n') - 1,
            Convert.ToHexStringLower(SHA256.HashData(body)), new MemoryStream(body), CancellationToken.None);
    }

    public Task ReportCheckAsync(long fileId, CsvCheckReport report) => _client.ReportCheckAsync(Secret, fileId, report, CancellationToken.None);

    public static byte[] Gzip(string text)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(Encoding.UTF8.GetBytes(text));
        }

        return output.ToArray();
    }

    public void Dispose() => _client.Dispose();
}
