namespace CloudLink.Core.Instance;

/// <summary>What Start-CloudLinkImport asked of an instance, and the agent's answer.</summary>
public sealed record ImportRequest(string Instance, DateTime? From, DateTime? To, string Answer);
