using System.Text;
using CloudLink.Core.Install;
using CloudLink.Tests.Support;

namespace CloudLink.Tests.Install;

/// <summary>msiexec's exit codes as the installer reads them: 0, 3010, 1618 (wait and retry), 1603 and others (error with the log).</summary>
public sealed class MsiInstallerTests
{
    private static MsiInstallRequest Request(string log) =>
        new() { MsiPath = @"C:\Setup\cl.msi", Instance = 1, Folder = @"C:\CL\one", LogPath = log };

    private static (MsiInstaller Installer, ScriptedProcessRunner Runner, List<TimeSpan> Waits) Installer(params int[] exitCodes)
    {
        var queue = new Queue<int>(exitCodes);
        var runner = new ScriptedProcessRunner((file, args) => ScriptedProcessRunner.Exit(file, args, queue.Count > 1 ? queue.Dequeue() : queue.Peek()));
        var waits = new List<TimeSpan>();
        return (new MsiInstaller(runner, waits.Add) { BusyAttempts = 4, BusyDelay = TimeSpan.FromSeconds(30) }, runner, waits);
    }

    [Fact]
    public void Exit_0_is_done_after_one_run_of_msiexec_with_the_request_command_line()
    {
        var (installer, runner, waits) = Installer(0);

        var outcome = installer.Install(Request(@"C:\Temp\a.log"));

        Assert.False(outcome.RebootRequired);
        Assert.Equal(1, outcome.Attempts);
        Assert.Empty(waits);
        var call = Assert.Single(runner.Calls);
        Assert.Equal("msiexec.exe", call.FileName);
        Assert.Equal(@"/i C:\Setup\cl.msi /qn /norestart /l*v C:\Temp\a.log MSINEWINSTANCE=1 TRANSFORMS="":instance.1"" INSTALLFOLDER=""C:\CL\one""", call.Arguments);
    }

    [Theory]
    [InlineData(3010)]
    [InlineData(1641)]
    public void Reboot_codes_succeed_with_reboot_required(int code)
    {
        var (installer, _, _) = Installer(code);

        var outcome = installer.Install(Request("a.log"));

        Assert.True(outcome.RebootRequired);
        Assert.Equal(code, outcome.ExitCode);
    }

    [Fact]
    public void Exit_1618_waits_and_tries_again_until_the_other_installation_is_done()
    {
        var (installer, runner, waits) = Installer(1618, 1618, 0);

        var outcome = installer.Install(Request("a.log"));

        Assert.Equal(3, outcome.Attempts);
        Assert.Equal(3, runner.Calls.Count);
        Assert.Equal([TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(30)], waits);
        Assert.Single(runner.Calls.Select(c => c.Arguments).Distinct());
    }

    [Fact]
    public void Exit_1618_that_never_clears_fails_after_the_last_attempt_and_says_what_to_do()
    {
        var (installer, runner, waits) = Installer(1618);

        var error = Assert.Throws<InstallException>(() => installer.Install(Request("a.log")));

        Assert.Equal("InstallerBusy", error.Reason);
        Assert.Equal(4, runner.Calls.Count);
        Assert.Equal(3, waits.Count);
        Assert.Contains("another installation was still running after 4 attempts", error.Message, StringComparison.Ordinal);
        Assert.Contains("1618", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Exit_1603_fails_with_the_failing_action_from_the_utf16_verbose_log()
    {
        using var folder = new TempFolder();
        var log = folder.Combine("msiexec.log");
        var lines = new List<string> { "=== Verbose logging started ===" };
        lines.AddRange(Enumerable.Range(1, 30).Select(i => $"MSI (s) (A0:B0) [12:00:{i:00}]: noise {i}"));
        lines.Add("CustomAction InstallService returned actual error code 1920");
        lines.Add("Error 1920. Service 'injixo Cloud Link (Instance 1)' failed to start. Verify that you have sufficient privileges to start system services.");
        lines.Add("Action ended 12:00:31: InstallFinalize. Return value 3.");
        lines.AddRange(Enumerable.Range(1, 30).Select(i => $"Property(S): P{i} = v"));
        File.WriteAllLines(log, lines, Encoding.Unicode);
        var (installer, _, waits) = Installer(1603);

        var error = Assert.Throws<InstallException>(() => installer.Install(Request(log)));

        Assert.Equal("MsiexecFailed", error.Reason);
        Assert.Empty(waits);
        Assert.Contains("exit 1603: a fatal error during installation", error.Message, StringComparison.Ordinal);
        Assert.Contains("Error 1920. Service 'injixo Cloud Link (Instance 1)' failed to start", error.Message, StringComparison.Ordinal);
        Assert.Contains("Return value 3", error.Message, StringComparison.Ordinal);
        Assert.Contains("noise 30", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("noise 1\n", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Property(S)", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1619, "could not be opened")]
    [InlineData(1625, "forbidden by system policy")]
    [InlineData(1234, "Windows Installer error 1234")]
    public void Other_exit_codes_fail_with_their_meaning_and_a_note_when_there_is_no_log(int code, string meaning)
    {
        var (installer, _, _) = Installer(code);

        var error = Assert.Throws<InstallException>(() => installer.Install(Request("/nonexistent/msiexec.log")));

        Assert.Contains(meaning, error.Message, StringComparison.Ordinal);
        Assert.Contains("msiexec left no readable log at /nonexistent/msiexec.log", error.Message, StringComparison.Ordinal);
    }
}
