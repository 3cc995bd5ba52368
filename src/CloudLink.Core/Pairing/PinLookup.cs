using CloudLink.Core.Config;
using CloudLink.Core.Instance;

namespace CloudLink.Core.Pairing;

/// <summary>
/// The PIN of an instance for tools outside the agent process (the module, the installer). The
/// instance's own agent answers ('pin --json'): it asks the running service first, never requests a
/// PIN beside it, and writes its files as the instance's user, whoever calls.
/// </summary>
public static class PinLookup
{
    public static PinInfo Get(AgentCli agent, InstanceLocation instance, bool fresh)
    {
        // A config that does not load is named here, with its key, before any process is started.
        ConfigLoader.Load(instance.Paths);
        var result = agent.Require(instance.Executable, instance.Paths, fresh ? ["pin", "--json", "--new"] : ["pin", "--json"]);
        return PinInfo.FromJson(result.Output);
    }
}
