using CloudLink.Agent.Cli;
using CloudLink.Agent.Commands;
using CloudLink.Core;
using CloudLink.Core.Cloud;
using CloudLink.Core.Config;
using CloudLink.Core.State;

try
{
    var invocation = Invocation.Parse(args);
    var help = invocation.Command switch
    {
        "" or "help" => HelpText.Main,
        "run" => HelpText.Run,
        "pin" => HelpText.Pin,
        "status" => HelpText.Status,
        "import" => HelpText.Import,
        "config" => HelpText.Config,
        "query" => HelpText.Query,
        "check" => HelpText.Check,
        "csv" => HelpText.Csv,
        "service" => HelpText.Service,
        "proxy" => HelpText.Proxy,
        "logs" => HelpText.Logs,
        "version" => HelpText.Version,
        _ => null,
    };
    if (help is null)
    {
        throw new UsageException($"Unknown command '{invocation.Command}'. Run 'injixo-cloud-link --help' for the list.");
    }

    if (invocation.Help || invocation.Command is "" or "help")
    {
        Console.WriteLine(help);
        return invocation.Command == "" && !invocation.Help ? ExitCodes.Usage : ExitCodes.Ok;
    }

    return invocation.Command switch
    {
        "run" => await RunCommand.RunAsync(invocation),
        "pin" => await PinCommand.RunAsync(invocation),
        "status" => await StatusCommand.RunAsync(invocation),
        "check" => await CheckCommand.RunAsync(invocation),
        "csv" => CsvCommand.Run(invocation),
        "import" => await ImportCommand.RunAsync(invocation),
        "config" => ConfigCommand.Run(invocation),
        "query" when invocation.Words.Count > 1 && invocation.Words[1] == "approve" => await QueryApproveCommand.RunAsync(invocation),
        "query" => QueryCommand.Run(invocation),
        "service" => ServiceCommand.Run(invocation),
        "proxy" => ProxyCommand.Run(invocation),
        "logs" => LogsCommand.Run(invocation),
        _ => Version(),
    };
}
catch (UsageException e)
{
    return Fail(ExitCodes.Usage, e.Message);
}
catch (ConfigException e)
{
    return Fail(ExitCodes.ConfigInvalid, $"Config error: {e.Message}");
}
catch (StateException e)
{
    return Fail(ExitCodes.StateProblem, $"State error: {e.Message}");
}
catch (CloudLink.Core.Proxy.ProxyException e)
{
    return Fail(ExitCodes.ConfigInvalid, e.Message);
}
catch (CloudUnreachableException e)
{
    return Fail(ExitCodes.CloudProblem, e.Message);
}
catch (CloudException e)
{
    return Fail(ExitCodes.CloudProblem, e.Message);
}
catch (CloudLink.Core.Service.ServiceException e)
{
    return Fail(ExitCodes.ServiceProblem, e.Message);
}
catch (Exception e) when (e is CloudLink.Core.Odbc.OdbcException or CloudLink.Core.Database.DatabaseImportException or DllNotFoundException)
{
    return Fail(ExitCodes.DatabaseProblem, e.Message);
}
catch (UnauthorizedAccessException e)
{
    return Fail(ExitCodes.StateProblem, e.Message);
}
catch (Exception e) when (e is not OutOfMemoryException)
{
    return Fail(ExitCodes.Failure, $"Unexpected error; please report it with the log: {e}");
}

static int Version()
{
    Console.WriteLine($"injixo-cloud-link {AgentVersion.Current}");
    return ExitCodes.Ok;
}

static int Fail(int code, string message)
{
    Console.Error.WriteLine($"injixo-cloud-link: {message}");
    return code;
}
