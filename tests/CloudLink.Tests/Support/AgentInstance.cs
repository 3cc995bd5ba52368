using System.Diagnostics;
using System.Globalization;
using CloudLink.Core.Agent;
using CloudLink.Core.Config;
using CloudLink.Core.Instance;
using CloudLink.Core.Logging;
using CloudLink.Core.State;
using Serilog.Core;

namespace CloudLink.Tests.Support;

/// <summary>An agent instance folder with its config, run in-process or as the real executable.</summary>
public sealed class AgentInstance : IDisposable
{
    private readonly TempFolder _folder = new("cloudlink-agent");

    public AgentInstance(Uri cloud, double settleSeconds = 0.3, double scanSeconds = 0.2, string name = AgentConfig.DefaultName, string? odbcConnection = null)
    {
        Directory.CreateDirectory(ImportFolder);
        var database = odbcConnection is null ? "" : $"\n[database]\ntype = \"odbc\"\nconnection = {CloudLink.Core.Toml.TomlFormatter.BasicString(odbcConnection)}\n";
        File.WriteAllText(ConfigFile, string.Create(CultureInfo.InvariantCulture, $"""
            # test instance
            [app]
            name = "{name}"
            importDirectory = "in"

            [cloud]
            url = "{cloud}"

            [csv]
            settleSeconds = {settleSeconds}
            scanSeconds = {scanSeconds}

            """) + database);
        Paths = new InstancePaths(ConfigFile);
    }

    public string Folder => _folder.Path;
    public string ConfigFile => _folder.Combine(InstancePaths.ConfigFileName);
    public string ImportFolder => _folder.Combine("in");
    public InstancePaths Paths { get; }

    public AgentConfig LoadConfig() => ConfigLoader.Load(Paths);

    public AgentCredentials? Credentials() => new CredentialStore(Paths).Load();

    public string LogText()
    {
        if (!File.Exists(Paths.LogFile))
        {
            return "";
        }

        using var stream = new FileStream(Paths.LogFile, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>Writes a file into the import folder in one go (via a temp name outside the *.csv pattern).</summary>
    public string Drop(string name, string content) => Drop(name, System.Text.Encoding.UTF8.GetBytes(content));

    public string Drop(string name, byte[] content)
    {
        var path = Path.Combine(ImportFolder, name);
        File.WriteAllBytes(path + ".partial", content);
        File.Move(path + ".partial", path, overwrite: true);
        return path;
    }

    /// <summary>Runs the agent's main loop in this process until the returned handle is disposed.</summary>
    public RunningAgent StartInProcess(TimeProvider? time = null, int databaseWindowsPerPass = 24)
    {
        var log = AgentLog.Configure(Paths, "debug").CreateLogger();
        var host = new AgentHost(Paths, LoadConfig(), log, showBanner: _ => { }, time);
        return new RunningAgent(host, log).Start(databaseWindowsPerPass);
    }

    /// <summary>Starts the real injixo-cloud-link executable ('run') as a child process, as <paramref name="user"/> when given (root only).</summary>
    /// <summary>
    /// The agent as a process of its own: the built assembly under the dotnet host, or
    /// <paramref name="executable"/> (the shipped native agent) itself.
    /// </summary>
    public Process StartProcess(IDictionary<string, string>? environment = null, string? user = null, string? executable = null)
    {
        var agent = Path.Combine(AppContext.BaseDirectory, "injixo-cloud-link.dll");
        var program = executable ?? "dotnet";
        var start = new ProcessStartInfo(user is null ? program : "runuser")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (user is not null)
        {
            foreach (var arg in new[] { "-u", user, "--", program })
            {
                start.ArgumentList.Add(arg);
            }

            start.Environment["HOME"] = Path.GetTempPath();
        }

        foreach (var arg in executable is null ? new[] { agent, "--config", ConfigFile, "run" } : ["--config", ConfigFile, "run"])
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    /// <summary>
    /// Waits for the PIN the agent shows, enters it on the integration as a person would, and waits
    /// for the link. With the agent's <paramref name="process"/>, the wait for its PIN lasts as long
    /// as the process keeps using CPU (a start on a crowded machine is slow, not stuck).
    /// </summary>
    public async Task<long> PairAsync(CloudServer cloud, long integrationId, Process? process = null)
    {
        var pins = new PinStore(Paths);
        var pin = process is null
            ? await Eventually.GetAsync(() => Task.FromResult(pins.Load()), TimeSpan.FromSeconds(30), "the agent's PIN")
            : await Eventually.GetWhileProgressingAsync(() => Task.FromResult(pins.Load()), () => Progress(process), TimeSpan.FromSeconds(30), $"the PIN of the agent in {Folder}");
        var agent = await cloud.People.ConnectOkAsync(integrationId, pin.Pin);
        await Eventually.TrueAsync(() => Credentials() is { Linked: true }, TimeSpan.FromSeconds(30), "the agent to store its link");
        return agent.Id;
    }

    /// <summary>What the agent process has done so far: its CPU time and log size, or how it ended.</summary>
    private string Progress(Process process)
    {
        if (process.HasExited)
        {
            return $"exited with {process.ExitCode}";
        }

        process.Refresh();
        var log = File.Exists(Paths.LogFile) ? new FileInfo(Paths.LogFile).Length : 0;
        return $"CPU {process.TotalProcessorTime.TotalMilliseconds:0} ms, log {log} bytes";
    }

    public void Dispose() => _folder.Dispose();
}

/// <summary>An agent loop running in the test process.</summary>
public sealed class RunningAgent(AgentHost host, Logger log) : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private Task? _run;
    private bool _disposed;

    public AgentHost Host => host;

    public RunningAgent Start(int databaseWindowsPerPass = 24)
    {
        // Short cloud round-trips so that pause, revocation and deletion show within a test's patience.
        var timings = new AgentTimings { SettingsRefresh = TimeSpan.FromSeconds(0.5), Heartbeat = TimeSpan.FromSeconds(2), DatabaseGrace = TimeSpan.Zero, DatabaseWindowsPerPass = databaseWindowsPerPass };
        _run = Task.Run(async () =>
        {
            using var runner = new AgentRunner(host, timings);
            await runner.RunAsync(_stop.Token);
        });
        return this;
    }

    /// <summary>Throws if the loop died of an error instead of running.</summary>
    public void AssertRunning()
    {
        if (_run is { IsFaulted: true })
        {
            throw new InvalidOperationException("The agent loop failed.", _run.Exception);
        }
    }

    /// <summary>Stops the loop; a second call does nothing (a test may stop the agent before its owner does).</summary>
    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        await _stop.CancelAsync();
        try
        {
            if (_run is not null)
            {
                await _run;
            }
        }
        catch (OperationCanceledException)
        {
        }

        host.Dispose();
        await log.DisposeAsync();
        _stop.Dispose();
    }
}
