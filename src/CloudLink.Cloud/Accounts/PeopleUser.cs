namespace CloudLink.Cloud.Accounts;

/// <summary>A signed-in person: the user and the account (tenant) every people-side request is scoped to.</summary>
public sealed record PeopleUser(long UserId, long AccountId, string Email, string AccountName);
