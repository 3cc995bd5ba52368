namespace CloudLink.Core.Proxy;

/// <summary>
/// The proxy on Windows: machine environment variables HTTPS_PROXY and NO_PROXY (services run as
/// LocalSystem and read the machine environment when they start; restart them after a change).
/// </summary>
public static class WindowsProxyVariable
{
    public static ProxySettings? Read()
    {
        var proxy = Environment.GetEnvironmentVariable("HTTPS_PROXY", EnvironmentVariableTarget.Machine);
        return string.IsNullOrWhiteSpace(proxy)
            ? null
            : new ProxySettings(ProxyAddress.Parse(proxy!, "the machine variable HTTPS_PROXY"), Environment.GetEnvironmentVariable("NO_PROXY", EnvironmentVariableTarget.Machine));
    }

    public static void Write(ProxySettings settings)
    {
        Environment.SetEnvironmentVariable("HTTPS_PROXY", settings.Address.Value, EnvironmentVariableTarget.Machine);
        Environment.SetEnvironmentVariable("NO_PROXY", settings.NoProxy, EnvironmentVariableTarget.Machine);
    }

    public static void Remove()
    {
        Environment.SetEnvironmentVariable("HTTPS_PROXY", null, EnvironmentVariableTarget.Machine);
        Environment.SetEnvironmentVariable("NO_PROXY", null, EnvironmentVariableTarget.Machine);
    }
}
