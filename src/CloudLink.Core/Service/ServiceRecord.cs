namespace CloudLink.Core.Service;

/// <summary>The service an instance installed, kept in its state folder so later commands act on exactly that unit.</summary>
public sealed class ServiceRecord
{
    public string Unit { get; set; } = "";
    public string UnitFile { get; set; } = "";
    public DateTimeOffset InstalledAt { get; set; }
}

/// <summary>What 'service status' reports.</summary>
public sealed record ServiceState(string Unit, string ActiveState, string SubState, int MainPid, string Since)
{
    public bool IsActive => ActiveState == "active";
}
