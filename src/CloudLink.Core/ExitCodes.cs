namespace CloudLink.Core;

/// <summary>Exit codes of injixo-cloud-link, as documented in docs/cli.md; the module reads them from the agents it runs.</summary>
public static class ExitCodes
{
    public const int Ok = 0;
    public const int Failure = 1;
    public const int Usage = 2;
    public const int ConfigInvalid = 3;
    public const int CloudProblem = 4;
    public const int StateProblem = 5;
    public const int DatabaseProblem = 6;
    public const int ServiceProblem = 7;

    /// <summary>'service status' of an installed service that is not running.</summary>
    public const int ServiceNotRunning = 8;

    /// <summary>'run' refused: the instance's folder, config, state folder or executable can be changed by others (see 'check').</summary>
    public const int UnsafeFiles = 9;

    /// <summary>'check' found a problem (a line that says FAILED).</summary>
    public const int CheckFailed = 10;

    /// <summary>'csv check': the cloud would refuse the file as it is.</summary>
    public const int CsvRefused = 11;
}
