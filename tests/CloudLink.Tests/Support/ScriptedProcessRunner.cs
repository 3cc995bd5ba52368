using CloudLink.Core.Processes;

namespace CloudLink.Tests.Support;

/// <summary>
/// Stands in for programs that cannot run on this host (msiexec.exe, sc.exe, schtasks.exe): records
/// every command line and answers from a script. Programs that can run are run for real elsewhere.
/// </summary>
public sealed class ScriptedProcessRunner(Func<string, string, ProcessResult?> answer) : IProcessRunner
{
    public List<(string FileName, string Arguments)> Calls { get; } = [];

    public ProcessResult Run(string fileName, string arguments)
    {
        Calls.Add((fileName, arguments));
        return answer(fileName, arguments) ?? new ProcessResult($"{fileName} {arguments}", 1060, "", "The specified service does not exist as an installed service.");
    }

    public static ProcessResult Exit(string fileName, string arguments, int code, string output = "") => new($"{fileName} {arguments}", code, output, "");
}
