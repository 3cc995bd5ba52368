namespace CloudLink.Tests.Support;

/// <summary>Tests that drive whole operating-system services (systemd in a container, Wine's SCM) run alone, not beside the others.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class OperatingSystemServiceTests
{
    public const string Name = "Operating-system services";
}
