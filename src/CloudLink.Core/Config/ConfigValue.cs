namespace CloudLink.Core.Config;

/// <summary>A value read from the config, with where it stands for error messages.</summary>
public sealed record ConfigValue(object Value, int Line, int Column);
