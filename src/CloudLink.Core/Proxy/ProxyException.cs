namespace CloudLink.Core.Proxy;

/// <summary>A proxy setting that cannot be used; the message names the setting and the fix.</summary>
public sealed class ProxyException(string message) : Exception(message);
