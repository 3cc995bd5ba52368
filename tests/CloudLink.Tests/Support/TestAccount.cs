using CloudLink.Cloud.Accounts;

namespace CloudLink.Tests.Support;

/// <summary>An account of the test cloud: its first user, that user's API token, and a client that sends it.</summary>
public sealed record TestAccount(PeopleUser User, string Token, HttpClient Http)
{
    public PeopleApi People => new(Http);
}
