using System.Globalization;
using System.Security.Cryptography;
using CloudLink.Tests.Support;
using Xunit.Abstractions;

namespace CloudLink.Tests.Resilience;

/// <summary>
/// A 2 GB export (CLOUDLINK_LARGE_FILE_MB changes the size) dropped into the import folder of the
/// real agent process: it is hashed and streamed to the cloud, and the agent's memory stays flat.
/// </summary>
public sealed class LargeFileTests(ITestOutputHelper output)
{
    private static readonly long Megabytes =
        long.TryParse(Environment.GetEnvironmentVariable("CLOUDLINK_LARGE_FILE_MB"), CultureInfo.InvariantCulture, out var size) && size > 0 ? size : 2048;

    [Fact]
    public async Task A_two_gigabyte_file_is_streamed_with_flat_agent_memory()
    {
        await using var cloud = await CloudServer.StartAsync();
        var integration = await cloud.People.CreateIntegrationAsync("Large export");
        using var instance = new AgentInstance(cloud.BaseAddress, settleSeconds: 1, scanSeconds: 0.5);
        using var process = instance.StartProcess();
        try
        {
            await instance.PairAsync(cloud, integration.Id);
            await Task.Delay(1000);
            var idle = ProcessMemory.ResidentBytes(process.Id);

            var path = Path.Combine(instance.ImportFolder, "large.csv");
            var sha256 = WriteFile(path + ".partial", Megabytes);
            File.Move(path + ".partial", path);
            long peak = 0;
            var started = DateTime.UtcNow;
            await Eventually.TrueAsync(async () =>
            {
                peak = Math.Max(peak, ProcessMemory.ResidentBytes(process.Id));
                return (await cloud.People.ReceivedAsync(integration.Id)).Count == 1;
            }, TimeSpan.FromMinutes(10), "the large file in the cloud");
            var seconds = (DateTime.UtcNow - started).TotalSeconds;

            var received = Assert.Single(await cloud.People.ReceivedAsync(integration.Id));
            Assert.Equal(sha256, received.Sha256);
            Assert.Equal(Megabytes * 1024 * 1024, received.Size);
            var report = string.Create(CultureInfo.InvariantCulture,
                $"large file: {Megabytes} MB from saved to stored in {seconds:0.0} s ({Megabytes / seconds:0} MB/s); agent RSS idle {idle / 1048576.0:0.0} MB, peak {peak / 1048576.0:0.0} MB");
            output.WriteLine(report);
            Console.Error.WriteLine(report);
            Assert.True(peak - idle < 64L * 1024 * 1024, report);
        }
        finally
        {
            process.Kill();
            await process.WaitForExitAsync();
        }
    }

    /// <summary>Writes <paramref name="megabytes"/> MB of CSV-like lines (a random block repeated) and returns their SHA-256.</summary>
    private static string WriteFile(string path, long megabytes)
    {
        var block = new byte[1024 * 1024];
        new Random(5).NextBytes(block);
        for (var i = 0; i < block.Length; i++)
        {
            block[i] = (byte)(i % 64 == 63 ? '\n' : 'a' + (block[i] % 26));
        }

        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 20))
        {
            for (var i = 0; i < megabytes; i++)
            {
                block[0] = (byte)('a' + (i % 26));
                file.Write(block);
                hash.AppendData(block);
            }
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
