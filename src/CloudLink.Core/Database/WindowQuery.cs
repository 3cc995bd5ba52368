using CloudLink.Core.Odbc;

namespace CloudLink.Core.Database;

/// <summary>
/// Wraps an integration's SQL so that only the rows of one time window are read, with the window's
/// bounds bound as timestamp parameters (never spliced into the text). The time column is quoted
/// the way the database wants (<see cref="OdbcConnection.IdentifierQuote"/>).
/// </summary>
public static class WindowQuery
{
    private const string Alias = "cl_q";

    /// <summary>The user's query without trailing semicolons or whitespace, so it can stand in a subquery.</summary>
    public static string Clean(string query) => query.Trim().TrimEnd(';').TrimEnd();

    public static string Window(string query, DataType type, string identifierQuote)
    {
        var column = $"{Alias}.{identifierQuote}{type.TimeColumn}{identifierQuote}";
        return $"SELECT * FROM ({Clean(query)}) {Alias} WHERE {column} >= ? AND {column} < ?";
    }

    public static string Probe(string query) => $"SELECT * FROM ({Clean(query)}) {Alias} WHERE 1 = 0";

    /// <summary>The columns the query returns, read without fetching a row.</summary>
    public static IReadOnlyList<OdbcColumn> Columns(OdbcCommand command, string query, CancellationToken cancellationToken)
    {
        using var reader = command.ExecuteReader(Probe(query), [], cancellationToken);
        return reader.Columns;
    }

    /// <summary>Refuses a query that lacks a required column, listing all that are missing.</summary>
    public static void CheckColumns(IReadOnlyList<OdbcColumn> columns, DataType type)
    {
        var missing = type.Missing(columns.Select(column => column.Name));
        if (missing.Count > 0)
        {
            throw new DatabaseImportException(
                $"The query for {type.Name} data lacks the column(s) {string.Join(", ", missing)}. It returns {string.Join(", ", columns.Select(column => column.Name))}; " +
                $"name the columns with AS, e.g. SELECT ... AS {missing[0]}. Required: {string.Join(", ", type.Required)}" +
                (type.Optional.Count > 0 ? $"; optional: {string.Join(", ", type.Optional)}." : "."));
        }
    }
}
