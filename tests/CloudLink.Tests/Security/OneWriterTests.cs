using System.Security.Cryptography;
using System.Text;
using CloudLink.Core.State;
using CloudLink.Tests.Agent;
using CloudLink.Tests.Support;
using Xunit.Abstractions;

namespace CloudLink.Tests.Security;

/// <summary>
/// The running agent is its state's one writer: a second 'run' stops at once naming it, commands
/// that only show state change no byte of it, only the runner repairs, and reading a huge ledger
/// takes memory bounded by what it records, not by its size.
/// </summary>
public sealed class OneWriterTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_second_run_of_the_same_instance_is_refused_naming_the_running_agent()
    {
        await using var cloud = await CloudServer.StartAsync();
        using var instance = new AgentInstance(cloud.BaseAddress);
        using var first = instance.StartProcess();
        await Eventually.TrueAsync(() => File.Exists(instance.Paths.ProcessIdFile) && File.Exists(instance.Paths.PinFile), Wait, "the first agent to run");

        var (code, _, error) = await CommandLineTests.RunAgentAsync("--config", instance.ConfigFile, "run");

        Assert.Equal(5, code);
        Assert.Contains($"belongs to an agent that is running already (PID {first.Id})", error, StringComparison.Ordinal);
        Assert.False(first.HasExited);
        var status = await CommandLineTests.RunAgentAsync("--config", instance.ConfigFile, "status");
        Assert.Contains($"running (PID {first.Id}", status.Output, StringComparison.Ordinal);
        first.Kill();
        await first.WaitForExitAsync();
    }

    [Fact]
    public async Task Status_on_a_torn_ledger_and_damaged_credentials_changes_no_byte_and_the_runner_repairs_both()
    {
        await using var linked = await LinkedAgent.StartAsync(settleSeconds: 0.1, scanSeconds: 0.1);
        linked.Instance.Drop("a.csv", "id\n1\n");
        linked.Instance.Drop("b.csv", "id\n2\n");
        await linked.ReceivedAtLeastAsync(2);
        await linked.Agent.DisposeAsync();
        var paths = linked.Instance.Paths;
        File.AppendAllText(paths.LedgerFile, "{\"integrationId\":1,\"sha256\":\"ab");
        File.WriteAllText(paths.CredentialsFile, "{ damaged");
        var before = Snapshot(paths.StateFolder);

        var status = await CommandLineTests.RunAgentAsync("--config", linked.Instance.ConfigFile, "status");

        Assert.Equal(0, status.ExitCode);
        Assert.Contains("linked to integration", status.Output, StringComparison.Ordinal);
        Assert.Contains("2 file(s)", status.Output, StringComparison.Ordinal);
        Assert.Equal(before, Snapshot(paths.StateFolder));

        using var runner = linked.Instance.StartProcess();
        try
        {
            await Eventually.TrueAsync(() => File.ReadAllText(paths.LedgerFile).EndsWith('\n') && File.ReadAllText(paths.CredentialsFile).StartsWith('{'), Wait,
                "the runner to repair the ledger and restore the credentials");
            Assert.DoesNotContain("\"sha256\":\"ab", File.ReadAllText(paths.LedgerFile), StringComparison.Ordinal);
            Assert.Equal(2, File.ReadAllLines(paths.LedgerFile).Length);
        }
        finally
        {
            runner.Kill();
            await runner.WaitForExitAsync();
        }
    }

    [Fact]
    public async Task A_200_MB_ledger_is_read_in_memory_bounded_by_what_it_records()
    {
        using var instance = new AgentInstance(new Uri("http://127.0.0.1:9"));
        Directory.CreateDirectory(instance.Paths.StateFolder);
        var written = WriteLedger(instance.Paths.LedgerFile, megabytes: 200, distinctFiles: 2000);

        var (peak, code) = await PeakResidentAsync("--config", instance.ConfigFile, "status");

        output.WriteLine($"status read a ledger of {written / 1048576.0:0} MB ({2000} distinct files) with a peak RSS of {peak / 1048576.0:0} MB");
        Assert.Equal(0, code);
        Assert.True(peak < 250L * 1024 * 1024, $"status took {peak / 1048576} MB to read a {written / 1048576} MB ledger");
    }

    /// <summary>Every file of the folder and its bytes' hash.</summary>
    private static string Snapshot(string folder) => string.Join("\n", Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
        .Where(file => !file.EndsWith(".sock", StringComparison.Ordinal))
        .Order(StringComparer.Ordinal)
        .Select(file => $"{Path.GetFileName(file)} {Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(file)))}"));

    private static long WriteLedger(string path, int megabytes, int distinctFiles)
    {
        using var file = new StreamWriter(path, append: false, new UTF8Encoding(false));
        long written = 0;
        for (var i = 0; written < megabytes * 1048576L; i++)
        {
            var name = $"export-{i % distinctFiles:D5}.csv";
            var line = $"{{\"integrationId\":1,\"sha256\":\"{Convert.ToHexStringLower(SHA256.HashData(BitConverter.GetBytes(i % distinctFiles)))}\"," +
                       $"\"name\":\"{name}\",\"size\":{i},\"modifiedTicks\":{638000000000000000L + i},\"at\":\"2026-12-01T08:00:00+00:00\",\"result\":\"stored\",\"cloudFileId\":{i}}}";
            file.Write(line);
            file.Write('\n');
            written += line.Length + 1;
        }

        return written;
    }

    /// <summary>Runs the agent with <paramref name="args"/> and samples its resident memory until it ends.</summary>
    private static async Task<(long Peak, int Code)> PeakResidentAsync(params string[] args)
    {
        var start = new System.Diagnostics.ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "injixo-cloud-link.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = System.Diagnostics.Process.Start(start)!;
        var drain = Task.WhenAll(process.StandardOutput.ReadToEndAsync(), process.StandardError.ReadToEndAsync());
        long peak = 0;
        while (!process.HasExited)
        {
            peak = Math.Max(peak, ProcessMemory.ResidentBytes(process.Id));
            await Task.Delay(20);
        }

        await drain;
        return (peak, process.ExitCode);
    }
}
