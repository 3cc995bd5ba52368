using CloudLink.Cloud.Pairing;
using CloudLink.Cloud.Storage;
using CloudLink.Protocol;

namespace CloudLink.Cloud.Api;

/// <summary>Reads the agent's bearer secret and resolves it to a live credential.</summary>
internal static class AgentAuthentication
{
    /// <summary>The secret from "Authorization: Bearer ...", or null when absent or too short to be one.</summary>
    public static string? BearerSecret(HttpContext context)
    {
        var header = context.Request.Headers.Authorization.ToString();
        const string prefix = "Bearer ";
        if (!header.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var secret = header[prefix.Length..].Trim();
        return secret.Length >= SecretHash.MinimumSecretLength ? secret : null;
    }

    public static IResult MissingSecret() => ApiErrors.Error(
        StatusCodes.Status401Unauthorized, ErrorCodes.CredentialMissing,
        "No agent credential was sent. Send 'Authorization: Bearer <secret>' with the agent's secret.");

    /// <summary>The linked agent behind the request, or the 401 answer that tells the agent to pair again.</summary>
    public static (AgentRecord? Agent, IResult? Error) Authenticate(HttpContext context, AgentStore agents)
    {
        var secret = BearerSecret(context);
        if (secret is null)
        {
            return (null, MissingSecret());
        }

        var agent = agents.FindBySecretHash(SecretHash.Of(secret));
        if (agent is null)
        {
            return (null, ApiErrors.Error(StatusCodes.Status401Unauthorized, ErrorCodes.CredentialUnknown,
                "This agent is not linked to any integration. Pair it again with a PIN."));
        }

        if (agent.Revoked)
        {
            return (null, ApiErrors.Error(StatusCodes.Status401Unauthorized, ErrorCodes.CredentialRevoked,
                "This agent's credential was revoked. Pair it again with a new PIN."));
        }

        if (agent.IntegrationDeleted)
        {
            return (null, ApiErrors.Error(StatusCodes.Status401Unauthorized, ErrorCodes.IntegrationDeleted,
                "The integration this agent served was deleted. Pair it with another integration using a new PIN."));
        }

        return (agent, null);
    }
}
