using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace CloudLink.Tests.Support;

/// <summary>
/// A real forward proxy on a free loopback port, started for a test and stopped by its own PID:
/// tinyproxy (Basic authentication) or squid (authentication by its NCSA helper, so any password).
/// </summary>
public sealed class ProxyServer : IDisposable
{
    private readonly Process _process;
    private readonly TempFolder _folder;

    private ProxyServer(Process process, TempFolder folder, int port, string log)
    {
        _process = process;
        _folder = folder;
        Port = port;
        LogFile = log;
    }

    public int Port { get; }

    public string LogFile { get; }

    public static string? SkipReason(string program) =>
        File.Exists(program) ? null : $"{program} is not installed (apt-get install {Path.GetFileName(program)}); .ci/run installs it.";

    public static async Task<ProxyServer> TinyproxyAsync(string user, string password)
    {
        var folder = new TempFolder("cloudlink-tinyproxy");
        var port = FreePort();
        var log = folder.Combine("tinyproxy.log");
        File.WriteAllText(folder.Combine("tinyproxy.conf"),
            $"Port {port}\nListen 127.0.0.1\nTimeout 60\nLogFile \"{log}\"\nLogLevel Connect\nMaxClients 50\nAllow 127.0.0.1\nBasicAuth {user} {password}\n");
        return await StartAsync("/usr/bin/tinyproxy", ["-d", "-c", folder.Combine("tinyproxy.conf")], folder, port, log);
    }

    public static async Task<ProxyServer> SquidAsync(string user, string password)
    {
        var folder = new TempFolder("cloudlink-squid");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(folder.Path, (UnixFileMode)0x1FF); // squid drops to its own user and writes its logs here
        }
        var port = FreePort();
        var log = folder.Combine("access.log");
        var passwords = folder.Combine("passwd");
        File.WriteAllText(passwords, $"{user}:{HashPassword(password)}\n");
        File.WriteAllText(folder.Combine("squid.conf"), $"""
            http_port 127.0.0.1:{port}
            auth_param basic program /usr/lib/squid/basic_ncsa_auth {passwords}
            auth_param basic realm cloudlink-test
            acl authenticated proxy_auth REQUIRED
            http_access allow authenticated
            http_access deny all
            cache deny all
            access_log stdio:{log}
            cache_log {folder.Combine("cache.log")}
            pid_filename {folder.Combine("squid.pid")}
            coredump_dir {folder.Path}
            shutdown_lifetime 1 seconds
            """);
        return await StartAsync("/usr/sbin/squid", ["-N", "-f", folder.Combine("squid.conf")], folder, port, log);
    }

    public string LogText() => File.Exists(LogFile) ? File.ReadAllText(LogFile) : "";

    public void Dispose()
    {
        try
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }
        catch (InvalidOperationException)
        {
        }

        _process.Dispose();
        _folder.Dispose();
    }

    private static async Task<ProxyServer> StartAsync(string program, string[] args, TempFolder folder, int port, string log)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        var process = Process.Start(start)!;
        _ = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        var server = new ProxyServer(process, folder, port, log);
        await Eventually.TrueAsync(() =>
        {
            Assert.False(process.HasExited, $"{program} ended: {(error.IsCompleted ? error.Result : "")}");
            using var client = new TcpClient();
            try
            {
                client.Connect(IPAddress.Loopback, port);
                return true;
            }
            catch (SocketException)
            {
                return false;
            }
        }, TimeSpan.FromSeconds(30), $"{program} to listen on {port}");
        return server;
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private static string HashPassword(string password)
    {
        var openssl = Process.Start(new ProcessStartInfo("openssl", ["passwd", "-apr1", password]) { RedirectStandardOutput = true })!;
        var hash = openssl.StandardOutput.ReadToEnd().Trim();
        openssl.WaitForExit();
        return hash;
    }
}
