namespace CloudLink.Core.Service;

/// <summary>A service command that cannot be done: says why and what to do instead.</summary>
public sealed class ServiceException(string message) : Exception(message);
