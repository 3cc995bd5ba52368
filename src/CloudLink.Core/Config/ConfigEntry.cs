namespace CloudLink.Core.Config;

/// <summary>One key of an instance's config as Get-CloudLinkConfig shows it.</summary>
public sealed record ConfigEntry(string Instance, string Key, object Value, bool IsDefault, string Description, string ConfigPath);
