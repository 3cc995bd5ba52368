using System.Data.Common;

namespace CloudLink.Cloud.Storage;

/// <summary>Commands with named parameters (@name), and row mapping, for SQLite and PostgreSQL alike.</summary>
internal static class DbExtensions
{
    public static DbCommand Command(this DbConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }

        return command;
    }

    public static DbCommand Command(this DbTransaction transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = transaction.Connection!.Command(sql, parameters);
        command.Transaction = transaction;
        return command;
    }

    /// <summary>Runs the query and maps every row.</summary>
    public static List<T> ReadAll<T>(this DbCommand command, Func<DbDataReader, T> map)
    {
        using (command)
        {
            using var reader = command.ExecuteReader();
            var result = new List<T>();
            while (reader.Read())
            {
                result.Add(map(reader));
            }

            return result;
        }
    }

    /// <summary>Runs the query and maps the first row, or returns null when there is none.</summary>
    public static T? ReadFirst<T>(this DbCommand command, Func<DbDataReader, T> map)
        where T : class
    {
        using (command)
        {
            using var reader = command.ExecuteReader();
            return reader.Read() ? map(reader) : null;
        }
    }

    public static DateTimeOffset? NullableTime(this DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : SqlTime.FromDb(reader.GetInt64(ordinal));
}
