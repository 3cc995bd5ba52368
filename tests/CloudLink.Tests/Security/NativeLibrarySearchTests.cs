using System.Diagnostics;
using CloudLink.Tests.Service;
using CloudLink.Tests.Support;

namespace CloudLink.Tests.Security;

/// <summary>
/// The service's group may write the instance's folder (its logs go there), so a library put
/// there must never be loaded: root running any command would run it. The packaged agent, with
/// look-alikes of libc and libodbc in its folder, loads the system's; glibc's LD_DEBUG=files
/// names every object a process loads.
/// </summary>
public sealed class NativeLibrarySearchTests
{
    private static readonly string[] PlantedNames = ["libc.so", "liblibc.so", "libc", "libc.so.6", "libodbc.so.2", "libodbc.so", "libodbc", "odbc"];

    [PackageFact]
    public async Task Libraries_in_the_instance_folder_are_never_loaded()
    {
        var lookAlike = new[] { "/lib/x86_64-linux-gnu/libz.so.1", "/usr/lib/x86_64-linux-gnu/libz.so.1", "/usr/lib64/libz.so.1" }.FirstOrDefault(File.Exists);
        Assert.True(lookAlike is not null, "No libz.so.1 (Debian package zlib1g) to stand in for a planted library.");
        using var folder = new TempFolder("cloudlink-dll-search");
        SystemdServiceTests.Extract(folder.Path, "com.injixo.cloud-link", new Uri("http://127.0.0.1:9/"));

        foreach (var name in PlantedNames)
        {
            File.Copy(lookAlike!, folder.Combine(name));
        }

        var config = folder.Combine("injixo-cloud-link.toml");
        foreach (var command in new[] { new[] { "status" }, ["query", "--connection", $"Driver=SQLite3;Database={folder.Combine("x.db")}", "--sql", "SELECT 1 AS a"] })
        {
            var (code, output, loaded) = await RunAsync(folder.Combine("injixo-cloud-link"), ["--config", config, .. command]);
            Assert.True(code == 0, $"{string.Join(' ', command)} exited {code}: {output}");
            var fromFolder = loaded.Split('\n').Where(line => line.Contains("file=" + folder.Path + "/", StringComparison.Ordinal)).ToList();
            Assert.True(fromFolder.Count == 0, $"{string.Join(' ', command)} loaded from the instance folder:\n{string.Join('\n', fromFolder)}");
            Assert.Contains(command[0] == "query" ? "/libodbc.so.2" : "/libc.so.6", loaded, StringComparison.Ordinal);
        }
    }

    private static async Task<(int Code, string Output, string Loaded)> RunAsync(string executable, string[] arguments)
    {
        var start = new ProcessStartInfo(executable) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["LD_DEBUG"] = "files";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output, await error);
    }
}
