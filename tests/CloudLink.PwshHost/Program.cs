using System.Management.Automation;
using System.Management.Automation.Runspaces;

// cloudlink-pwsh SCRIPT [-Name value | -Switch]...: runs a PowerShell script in a runspace (no console host
// needed, no execution policy) and writes its output, information (Write-Host), warnings and errors to the console.
// Exit code: 0, or 1 when the script threw or wrote errors.
if (args.Length == 0)
{
    Console.Error.WriteLine("usage: cloudlink-pwsh SCRIPT [-Name value | -Switch]...");
    return 2;
}

var state = InitialSessionState.CreateDefault2();
state.ExecutionPolicy = Microsoft.PowerShell.ExecutionPolicy.Bypass;
using var runspace = RunspaceFactory.CreateRunspace(state);
runspace.Open();
using var shell = PowerShell.Create(runspace);
shell.AddCommand(Path.GetFullPath(args[0]));
for (var i = 1; i < args.Length; i++)
{
    var name = args[i].TrimStart('-');
    if (i + 1 < args.Length && !args[i + 1].StartsWith('-'))
    {
        var values = args[++i].Split(',');
        shell.AddParameter(name, values.Length == 1 ? values[0] : values);
    }
    else
    {
        shell.AddParameter(name, true);
    }
}

shell.Streams.Information.DataAdded += (_, e) => Console.WriteLine(shell.Streams.Information[e.Index].MessageData);
shell.Streams.Warning.DataAdded += (_, e) => Console.WriteLine("WARNING: " + shell.Streams.Warning[e.Index].Message);
shell.Streams.Error.DataAdded += (_, e) => Console.Error.WriteLine("ERROR: " + shell.Streams.Error[e.Index]);
var output = new PSDataCollection<PSObject>();
output.DataAdded += (_, e) => Console.WriteLine(output[e.Index]?.ToString());
try
{
    shell.Invoke(null, output);
}
catch (RuntimeException e)
{
    Console.Error.WriteLine("ERROR: " + e.ErrorRecord);
    return 1;
}

return shell.HadErrors ? 1 : 0;
