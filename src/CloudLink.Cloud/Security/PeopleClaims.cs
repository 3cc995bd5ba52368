using System.Globalization;
using System.Security.Claims;
using CloudLink.Cloud.Accounts;

namespace CloudLink.Cloud.Security;

/// <summary>The claims a signed-in person carries, from a session cookie or an API token alike.</summary>
internal static class PeopleClaims
{
    private const string AccountId = "cloudlink:account";
    private const string AccountName = "cloudlink:account-name";

    public static ClaimsPrincipal Principal(PeopleUser user, string scheme) => new(new ClaimsIdentity(
    [
        new Claim(ClaimTypes.NameIdentifier, user.UserId.ToString(CultureInfo.InvariantCulture)),
        new Claim(ClaimTypes.Email, user.Email),
        new Claim(AccountId, user.AccountId.ToString(CultureInfo.InvariantCulture)),
        new Claim(AccountName, user.AccountName),
    ], scheme));

    /// <summary>The person behind an authenticated request; only called behind the people policy, which requires these claims.</summary>
    public static PeopleUser User(ClaimsPrincipal principal) => new(
        long.Parse(principal.FindFirstValue(ClaimTypes.NameIdentifier)!, CultureInfo.InvariantCulture),
        long.Parse(principal.FindFirstValue(AccountId)!, CultureInfo.InvariantCulture),
        principal.FindFirstValue(ClaimTypes.Email)!,
        principal.FindFirstValue(AccountName) ?? "");

    public static bool HasAccount(ClaimsPrincipal principal) => principal.FindFirstValue(AccountId) is not null;

    /// <summary>True when the request was authenticated by the session cookie (and so needs an antiforgery token to change anything).</summary>
    public static bool FromCookie(ClaimsPrincipal principal) => principal.Identity?.AuthenticationType == PeopleAuthentication.CookieScheme;
}
