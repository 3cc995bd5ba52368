namespace CloudLink.Core.Logging;

/// <summary>An instance's daily log purge as Register-/Unregister-CloudLinkLogPurge report it.</summary>
public sealed record LogPurgeScheduleInfo(string Instance, bool Registered, string Location, string Command);
