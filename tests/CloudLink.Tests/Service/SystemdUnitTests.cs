using System.Diagnostics;
using CloudLink.Core.Service;
using CloudLink.Tests.Support;

namespace CloudLink.Tests.Service;

public sealed class SystemdUnitTests
{
    [Theory]
    [InlineData("com.injixo.cloud-link", "com.injixo.cloud-link.service")]
    [InlineData("com.injixo.cloud-link.instance.1", "com.injixo.cloud-link.instance.1.service")]
    [InlineData("ACD Nord/Süd (agents)", "ACD-Nord-S-d--agents.service")]
    [InlineData("  ", "injixo-cloud-link.service")]
    public void Unit_names_come_from_the_instance_name_in_valid_characters(string appName, string unit)
    {
        Assert.Equal(unit, SystemdUnit.Name(appName));
    }

    [Fact]
    public void Unit_names_are_capped_in_length()
    {
        Assert.Equal(200 + ".service".Length, SystemdUnit.Name(new string('a', 500)).Length);
    }

    [Fact]
    public void The_unit_runs_the_instance_from_its_folder_restarts_on_failure_and_reads_the_proxy_environment()
    {
        var unit = SystemdUnit.Render("com.injixo.cloud-link.instance.1", "/opt/acd 100%/i1", ["/opt/acd 100%/i1/injixo-cloud-link", "--config", "/opt/acd 100%/i1/injixo-cloud-link.toml", "run"], "injixo-cloud-link");

        foreach (var line in new[]
        {
            "Description=injixo Cloud Link (com.injixo.cloud-link.instance.1)",
            "After=network-online.target",
            "Type=notify",
            "ExecStart=\"/opt/acd 100%%/i1/injixo-cloud-link\" \"--config\" \"/opt/acd 100%%/i1/injixo-cloud-link.toml\" \"run\"",
            "WorkingDirectory=/opt/acd 100%%/i1",
            "EnvironmentFile=-/etc/environment",
            "Restart=on-failure",
            "TimeoutStopSec=30",
            "WantedBy=multi-user.target",
        })
        {
            Assert.Contains(line + "\n", unit, StringComparison.Ordinal);
        }

        Assert.Equal("/opt/acd 100%/i1", SystemdUnit.FolderOf(unit));
    }

    [Fact]
    public void The_unit_runs_as_the_service_user_in_a_sandbox_that_writes_only_the_instance_folder()
    {
        var unit = SystemdUnit.Render("com.injixo.cloud-link", "/opt/cl \"a\" b\\c", ["/opt/cl/injixo-cloud-link", "run"], "injixo-cloud-link");

        foreach (var line in new[]
        {
            "User=injixo-cloud-link",
            "CapabilityBoundingSet=",
            "NoNewPrivileges=yes",
            "ProtectSystem=strict",
            "ReadWritePaths=\"/opt/cl \\\"a\\\" b\\\\c\"",
            "PrivateTmp=yes",
            "UMask=0077",
            "RestrictAddressFamilies=AF_UNIX AF_INET AF_INET6",
        })
        {
            Assert.Contains(line + "\n", unit, StringComparison.Ordinal);
        }

        var root = SystemdUnit.Render("com.injixo.cloud-link", "/opt/cl", ["/opt/cl/injixo-cloud-link", "run"], "root");
        Assert.DoesNotContain("User=", root, StringComparison.Ordinal);
        Assert.Contains("CapabilityBoundingSet=CAP_DAC_READ_SEARCH\n", root, StringComparison.Ordinal);
        Assert.Contains("ProtectSystem=strict\n", root, StringComparison.Ordinal);
    }

    [SystemdAnalyzeTheory]
    [InlineData("com.injixo.cloud-link", "injixo-cloud-link")]
    [InlineData("com.injixo.cloud-link.instance.1", "root")]
    [InlineData("com.injixo.cloud-link.instance.8", "injixo-cloud-link")]
    public void Generated_units_pass_systemd_analyze_verify(string appName, string user)
    {
        using var folder = new TempFolder("cloudlink unit");
        var unitFile = WriteUnit(folder, appName, user);
        var (code, output) = Analyze("verify", unitFile);
        Assert.True(code == 0 && output.Trim().Length == 0, output);
    }

    /// <summary>The exposure systemd-analyze gives the unit file (offline); the live unit is rated in the container (LeastPrivilegeTests).</summary>
    [SystemdAnalyzeTheory]
    [InlineData("injixo-cloud-link")]
    [InlineData("root")]
    public void Systemd_analyze_security_rates_the_unit_OK_or_better(string user)
    {
        using var folder = new TempFolder("cloudlink unit");
        var unitFile = WriteUnit(folder, "com.injixo.cloud-link", user);
        var (code, output) = Analyze("security", "--offline=true", "--no-pager", unitFile);
        Assert.True(code == 0, output);
        var rating = SystemdSecurity.Rating(output);
        Assert.True(rating.Level is "PERFECT" or "SAFE" or "OK", output);
        Console.Error.WriteLine($"systemd-analyze security (offline), service as {user}: {rating.Exposure} {rating.Level}");
    }

    private static string WriteUnit(TempFolder folder, string appName, string user)
    {
        var agent = Path.Combine(AppContext.BaseDirectory, "injixo-cloud-link");
        var unitFile = folder.Combine(SystemdUnit.Name(appName));
        File.WriteAllText(unitFile, SystemdUnit.Render(appName, folder.Path, [agent, "--config", folder.Combine("injixo-cloud-link.toml"), "run"], user));
        return unitFile;
    }

    private static (int Code, string Output) Analyze(params string[] args)
    {
        var start = new ProcessStartInfo("systemd-analyze") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, error.GetAwaiter().GetResult() + output);
    }
}

/// <summary>The last line of 'systemd-analyze security': "→ Overall exposure level for UNIT: 1.5 OK :-)".</summary>
internal static class SystemdSecurity
{
    public static (double Exposure, string Level) Rating(string output)
    {
        var match = System.Text.RegularExpressions.Regex.Match(output, @"Overall exposure level for \S+: (\d+\.\d) (\w+)");
        Assert.True(match.Success, output);
        return (double.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), match.Groups[2].Value);
    }
}
