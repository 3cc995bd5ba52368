namespace CloudLink.Core.Odbc;

/// <summary>Runs a query to the end, block-fetching first and reading row by row only if a value did not fit or the driver failed a block.</summary>
public static class OdbcQuery
{
    /// <summary>
    /// Calls <paramref name="consume"/> with a reader over the whole result. If a value is found
    /// longer than its bound buffer in block mode, or the driver fails a block, <paramref name="consume"/>
    /// is called again from the start with a row-by-row reader, so it must start its output afresh
    /// each time it is called.
    /// </summary>
    public static T Run<T>(OdbcCommand command, string sql, IReadOnlyList<OdbcParameter> parameters, Func<OdbcDataReader, T> consume, CancellationToken cancellationToken)
    {
        try
        {
            using var reader = command.ExecuteReader(sql, parameters, cancellationToken);
            return consume(reader);
        }
        catch (OdbcTruncationException)
        {
            using var reader = command.ExecuteReader(sql, parameters, cancellationToken, rowByRow: true);
            return consume(reader);
        }
    }
}
