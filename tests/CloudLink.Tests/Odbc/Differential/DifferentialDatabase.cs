namespace CloudLink.Tests.Odbc.Differential;

/// <summary>
/// A database for the differential suite: its column catalogue (every type CloudLink maps, with
/// its extremes), how its own client runs a script and prints a query's rows, and which of
/// System.Data.Odbc's answers are known to be wrong for it.
/// </summary>
public abstract class DifferentialDatabase : IDisposable
{
    public abstract string Name { get; }

    /// <summary>The ODBC connection string CloudLink's reader and System.Data.Odbc both use.</summary>
    public abstract string ConnectionString { get; }

    public abstract IReadOnlyList<ColumnSpec> Columns { get; }

    /// <summary>The table's key column, as declared in CREATE TABLE.</summary>
    public virtual string KeyDeclaration => "id integer PRIMARY KEY";

    /// <summary>Runs a script of statements through the database's client.</summary>
    public abstract void Execute(string script);

    /// <summary>The rows of <paramref name="sql"/> as the database's client prints them; NULL as null.</summary>
    public abstract List<string?[]> Dump(string sql);

    public abstract string StringLiteral(string text);

    public abstract string BinaryLiteral(byte[] bytes);

    /// <summary>
    /// Why System.Data.Odbc's value differs from the client's, when that is a known defect of
    /// System.Data.Odbc (or of the driver manager under it) and not of the test; null otherwise.
    /// </summary>
    public virtual string? KnownOracleDefect(ColumnSpec column, string? expected, string? oracle) => null;

    /// <summary>True when System.Data.Odbc must read each column in a query of its own to read any (see the SQLite driver).</summary>
    public virtual bool OracleReadsColumnsAlone => false;

    /// <summary>Statements that put the script into one transaction, where the client wants that said.</summary>
    public virtual (string Begin, string End) Transaction => ("BEGIN;", "COMMIT;");

    public virtual void Dispose()
    {
        GC.SuppressFinalize(this);
    }

    /// <summary>The oracle value is the expected TIME without its sign and fraction: read through SQL_TIME_STRUCT, which has neither.</summary>
    protected static bool TimeStructLoss(string? expected, string? oracle)
    {
        if (expected is null || oracle is null)
        {
            return false;
        }

        var point = expected.IndexOf('.', StringComparison.Ordinal);
        var whole = (point < 0 ? expected : expected[..point]).TrimStart('-');
        return whole != expected && whole == oracle;
    }

    protected const string TimeStructReason = "System.Data.Odbc reads TIME through SQL_TIME_STRUCT, which has no sign and no fraction of a second";
}
