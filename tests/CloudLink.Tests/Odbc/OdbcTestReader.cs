using CloudLink.Core.Odbc;

namespace CloudLink.Tests.Odbc;

internal static class OdbcTestReader
{
    /// <summary>Every row of a query as .NET values, read through our ODBC reader.</summary>
    public static List<object?[]> ReadAll(string connectionString, string sql, params object?[] parameters)
    {
        using var connection = OdbcConnection.Open(connectionString, TimeSpan.FromSeconds(10));
        using var command = connection.CreateCommand();
        return OdbcQuery.Run(command, sql, parameters.Select(value => new OdbcParameter(value)).ToList(), reader =>
        {
            var rows = new List<object?[]>();
            while (reader.Read())
            {
                rows.Add(Enumerable.Range(0, reader.Columns.Count).Select(reader.GetValue).ToArray());
            }

            return rows;
        }, CancellationToken.None);
    }
}
