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
        var unit = SystemdUnit.Render("com.injixo.cloud-link.instance.1", "/opt/acd 100%/i1", ["/opt/acd 100%/i1/injixo-cloud-link", "--config", "/opt/acd 100%/i1/injixo-cloud-link.toml", "run"]);

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

    [SystemdAnalyzeTheory]
    [InlineData("com.injixo.cloud-link")]
    [InlineData("com.injixo.cloud-link.instance.1")]
    [InlineData("com.injixo.cloud-link.instance.8")]
    public void Generated_units_pass_systemd_analyze_verify(string appName)
    {
        using var folder = new TempFolder("cloudlink unit");
        var agent = Path.Combine(AppContext.BaseDirectory, "injixo-cloud-link");
        var unitFile = folder.Combine(SystemdUnit.Name(appName));
        File.WriteAllText(unitFile, SystemdUnit.Render(appName, folder.Path, [agent, "--config", folder.Combine("injixo-cloud-link.toml"), "run"]));

        var start = new ProcessStartInfo("systemd-analyze") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        start.ArgumentList.Add("verify");
        start.ArgumentList.Add(unitFile);
        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEnd() + process.StandardOutput.ReadToEnd();
        process.WaitForExit();

        Assert.True(process.ExitCode == 0 && errors.Trim().Length == 0, errors);
    }
}
