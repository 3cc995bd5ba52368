using System.Globalization;
using CloudLink.Core.Database;

namespace OdbcBench;

/// <summary>The peer: System.Data.Odbc's reader, its values written with CloudLink's own CSV writer into the same gzip stream.</summary>
internal static class SystemDataOdbcExport
{
    public static long Write(string connectionString, string sql, string output)
    {
        using var connection = new System.Data.Odbc.OdbcConnection(connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = 0;
        using var reader = command.ExecuteReader();
        long rows = 0;
        using var gzip = new BackgroundGzipStream(File.Create(output));
        using (var csv = new CsvUtf8Writer(gzip))
        {
            for (var i = 0; i < reader.FieldCount; i++)
            {
                csv.WriteField(reader.GetName(i));
            }

            csv.EndRow();
            while (reader.Read())
            {
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    Write(csv, reader.GetValue(i));
                }

                csv.EndRow();
                rows++;
            }
        }

        return rows;
    }

    private static void Write(CsvUtf8Writer csv, object value)
    {
        switch (value)
        {
            case DBNull:
                csv.WriteEmpty();
                break;
            case long or int or short or byte:
                csv.WriteInt64(Convert.ToInt64(value, CultureInfo.InvariantCulture));
                break;
            case double number:
                csv.WriteDouble(number);
                break;
            case float single:
                csv.WriteSingle(single);
                break;
            case DateTime time:
                csv.WriteField(time.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture));
                break;
            case string text:
                csv.WriteField(text);
                break;
            case IFormattable formattable:
                csv.WriteField(formattable.ToString(null, CultureInfo.InvariantCulture));
                break;
            default:
                csv.WriteField(value.ToString() ?? "");
                break;
        }
    }
}
