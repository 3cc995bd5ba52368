namespace CloudLink.Protocol;

public static class IntegrationTypes
{
    public const string Csv = "csv";
    public const string Database = "database";

    public static bool IsKnown(string? type) => type is Csv or Database;
}
