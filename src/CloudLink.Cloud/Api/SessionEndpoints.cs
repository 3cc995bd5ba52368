using System.Security.Claims;
using CloudLink.Cloud.Accounts;
using CloudLink.Cloud.Security;
using CloudLink.Protocol;
using Microsoft.AspNetCore.Antiforgery;

namespace CloudLink.Cloud.Api;

/// <summary>Who is signed in (with the page's antiforgery token), and the user's personal API tokens.</summary>
internal static class SessionEndpoints
{
    private const int MaxTokenNameLength = 100;

    public static void Map(IEndpointRouteBuilder app)
    {
        var people = PeopleEndpoints.People(app);
        people.MapGet(PeopleRoutes.Session, (HttpContext context, IAntiforgery antiforgery) =>
        {
            var user = PeopleClaims.User(context.User);
            return Results.Json(new SessionInfo
            {
                UserId = user.UserId,
                Email = user.Email,
                AccountId = user.AccountId,
                AccountName = user.AccountName,
                CsrfToken = PeopleClaims.FromCookie(context.User) ? antiforgery.GetAndStoreTokens(context).RequestToken : null,
            }, ProtocolJson.Default.SessionInfo);
        });
        people.MapGet(PeopleRoutes.Tokens, (ClaimsPrincipal principal, ApiTokenStore tokens) =>
            Results.Json(tokens.List(PeopleClaims.User(principal).UserId).ToList(), ProtocolJson.Default.ListApiTokenInfo));
        people.MapPost(PeopleRoutes.Tokens, (CreateApiTokenRequest request, ClaimsPrincipal principal, ApiTokenStore tokens) =>
        {
            var problem = InputCheck.Label(request.Name?.Trim(), "name", MaxTokenNameLength);
            return problem is not null
                ? ApiErrors.BadRequest(problem + " Name the token after what will use it.")
                : Results.Json(tokens.Create(PeopleClaims.User(principal).UserId, request.Name!.Trim()), ProtocolJson.Default.CreatedApiToken,
                    statusCode: StatusCodes.Status201Created);
        });
        people.MapDelete(PeopleRoutes.Tokens + "/{id:long}", (long id, ClaimsPrincipal principal, ApiTokenStore tokens) =>
            tokens.Revoke(PeopleClaims.User(principal).UserId, id) ? Results.NoContent() : ApiErrors.NotFound($"You have no live API token {id}."));
    }
}
