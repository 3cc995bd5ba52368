using CloudLink.Agent.Cli;
using CloudLink.Core.Instance;
using CloudLink.Core.Processes;
using CloudLink.Core.Proxy;

namespace CloudLink.Agent.Commands;

/// <summary>'proxy set URL [--user U --password P] [--no-proxy HOSTS] | show | unset': the host's proxy for every instance.</summary>
internal static class ProxyCommand
{
    public static int Run(Invocation invocation)
    {
        var proxy = new HostProxy(ProcessRunner.Instance, new InstanceCatalog(HostRoot.Current));
        var action = invocation.Words.Count > 1 ? invocation.Words[1] : "";
        switch (action)
        {
            case "set" when invocation.Words.Count == 3:
                invocation.AllowOnly("--user", "--password", "--no-proxy");
                var address = ProxyAddress.Parse(invocation.Words[2], "the proxy URL");
                if (invocation.Options.TryGetValue("--user", out var user))
                {
                    address = address.WithCredential(user, invocation.Options.TryGetValue("--password", out var password) ? password : ReadPassword());
                }

                var settings = new ProxySettings(address, invocation.Options.GetValueOrDefault("--no-proxy"));
                proxy.Write(settings);
                Console.WriteLine($"Proxy {settings.Address.Masked}{(settings.NoProxy is null ? "" : $" (not for {settings.NoProxy})")} written to {proxy.Location}. Restart the instances ('service restart') to use it.");
                return ExitCodes.Ok;
            case "show" when invocation.Words.Count == 2:
                invocation.AllowOnly();
                var current = proxy.Read();
                Console.WriteLine(current is null ? "No proxy is set; the instances connect directly." : $"{current.Address.Masked}{(current.NoProxy is null ? "" : $" (not for {current.NoProxy})")}, in {proxy.Location}");
                return ExitCodes.Ok;
            case "unset" when invocation.Words.Count == 2:
                invocation.AllowOnly();
                Console.WriteLine(proxy.Remove() ? "Proxy removed. Restart the instances ('service restart') to connect directly." : "No proxy was set.");
                return ExitCodes.Ok;
            default:
                throw new UsageException("Use 'injixo-cloud-link proxy set URL [--user NAME [--password P]] [--no-proxy HOSTS]', 'proxy show' or 'proxy unset'.");
        }
    }

    /// <summary>The password from standard input (one line) or a prompt that does not echo, so it stays out of the process list and shell history.</summary>
    private static string ReadPassword() =>
        SecretInput.Read("Proxy password: ", "No password given: pass --password, or write it to standard input.");
}
