namespace CloudLink.Cloud.Storage;

/// <summary>
/// The one way people-side queries are scoped to an account: rows whose integration is one of
/// the account's, with the account's id bound as @account. Another account's row is then not
/// found, exactly like one that does not exist.
/// </summary>
internal static class AccountScope
{
    public const string IntegrationIds = "(SELECT id FROM integrations WHERE account_id = @account)";

    /// <summary>" AND integration_id = @integration" when one integration is asked for, else nothing.</summary>
    public static string OneIntegration(long? integrationId) => integrationId is null ? "" : " AND integration_id = @integration";
}
