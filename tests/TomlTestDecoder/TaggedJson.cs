using System.Globalization;
using System.Text.Json;
using Tomlyn;
using Tomlyn.Model;

namespace TomlTestDecoder;

/// <summary>The toml-test suite's tagged JSON: tables are objects, arrays arrays, scalars {"type", "value"}.</summary>
public static class TaggedJson
{
    public static void Write(Utf8JsonWriter writer, object value)
    {
        switch (value)
        {
            case TomlTable table:
                writer.WriteStartObject();
                foreach (var entry in table)
                {
                    writer.WritePropertyName(entry.Key);
                    Write(writer, entry.Value);
                }

                writer.WriteEndObject();
                break;
            case TomlArray array:
                writer.WriteStartArray();
                foreach (var item in array)
                {
                    Write(writer, item!);
                }

                writer.WriteEndArray();
                break;
            case TomlTableArray tables:
                writer.WriteStartArray();
                foreach (var item in tables)
                {
                    Write(writer, item);
                }

                writer.WriteEndArray();
                break;
            default:
                var (type, text) = Scalar(value);
                writer.WriteStartObject();
                writer.WriteString("type", type);
                writer.WriteString("value", text);
                writer.WriteEndObject();
                break;
        }
    }

    public static (string Type, string Value) Scalar(object value) => value switch
    {
        string text => ("string", text),
        long integer => ("integer", integer.ToString(CultureInfo.InvariantCulture)),
        double number => ("float", Float(number)),
        bool boolean => ("bool", boolean ? "true" : "false"),
        TomlDateTime dateTime => (dateTime.Kind switch
        {
            TomlDateTimeKind.OffsetDateTimeByZ or TomlDateTimeKind.OffsetDateTimeByNumber => "datetime",
            TomlDateTimeKind.LocalDateTime => "datetime-local",
            TomlDateTimeKind.LocalDate => "date-local",
            _ => "time-local",
        }, dateTime.ToString()),
        _ => throw new ArgumentException($"Not a TOML value: {value.GetType()}", nameof(value)),
    };

    private static string Float(double number) =>
        double.IsNaN(number) ? "nan"
        : double.IsPositiveInfinity(number) ? "inf"
        : double.IsNegativeInfinity(number) ? "-inf"
        : number.ToString("R", CultureInfo.InvariantCulture);
}
