using System.Text;

namespace CloudLink.Tests.Odbc.Differential;

/// <summary>
/// Reads RFC 4180 CSV (psql's and sqlite3's output, and CloudLink's own) keeping NULL apart from
/// empty text: an unquoted empty field is NULL, a quoted one ("") is the empty text.
/// </summary>
public static class CsvRows
{
    public static List<string?[]> Parse(string csv)
    {
        var rows = new List<string?[]>();
        var fields = new List<string?>();
        var field = new StringBuilder();
        var inQuotes = false;
        var fieldQuoted = false;

        void EndField()
        {
            fields.Add(field.Length == 0 && !fieldQuoted ? null : field.ToString());
            field.Clear();
            fieldQuoted = false;
        }

        void EndRow()
        {
            EndField();
            rows.Add([.. fields]);
            fields.Clear();
        }

        for (var i = 0; i < csv.Length; i++)
        {
            var c = csv[i];
            if (inQuotes)
            {
                if (c != '"')
                {
                    field.Append(c);
                }
                else if (i + 1 < csv.Length && csv[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else
                {
                    inQuotes = false;
                }

                continue;
            }

            switch (c)
            {
                case '"':
                    inQuotes = true;
                    fieldQuoted = true;
                    break;
                case ',':
                    EndField();
                    break;
                case '\r' when i + 1 < csv.Length && csv[i + 1] == '\n':
                    EndRow();
                    i++;
                    break;
                case '\n':
                    EndRow();
                    break;
                default:
                    field.Append(c);
                    break;
            }
        }

        if (field.Length > 0 || fieldQuoted || fields.Count > 0)
        {
            EndRow();
        }

        return rows;
    }
}
