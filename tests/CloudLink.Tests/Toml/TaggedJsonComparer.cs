using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Tomlyn;
using Tomlyn.Model;

namespace CloudLink.Tests.Toml;

/// <summary>Compares a parsed value with toml-test's tagged JSON by value; returns where they differ, or null.</summary>
public static class TaggedJsonComparer
{
    public static string? Difference(JsonElement expected, object actual, string path = "$")
    {
        if (expected.ValueKind == JsonValueKind.Array)
        {
            IReadOnlyList<object?>? array = actual switch
            {
                TomlArray values => values.ToList(),
                TomlTableArray tables => tables.ToList(),
                _ => null,
            };
            if (array is null)
            {
                return $"{path}: expected an array, got {Describe(actual)}";
            }

            if (array.Count != expected.GetArrayLength())
            {
                return $"{path}: expected {expected.GetArrayLength()} items, got {array.Count}";
            }

            var index = 0;
            foreach (var item in expected.EnumerateArray())
            {
                var difference = Difference(item, array[index]!, $"{path}[{index}]");
                if (difference is not null)
                {
                    return difference;
                }

                index++;
            }

            return null;
        }

        if (IsScalar(expected))
        {
            return ScalarDifference(expected.GetProperty("type").GetString()!, expected.GetProperty("value").GetString()!, actual, path);
        }

        if (actual is not TomlTable table)
        {
            return $"{path}: expected a table, got {Describe(actual)}";
        }

        var expectedKeys = expected.EnumerateObject().Select(property => property.Name).ToList();
        if (!expectedKeys.OrderBy(key => key, StringComparer.Ordinal).SequenceEqual(table.Keys.OrderBy(key => key, StringComparer.Ordinal)))
        {
            return $"{path}: expected keys [{string.Join(", ", expectedKeys)}], got [{string.Join(", ", table.Keys)}]";
        }

        foreach (var property in expected.EnumerateObject())
        {
            var difference = Difference(property.Value, table[property.Name], $"{path}.{property.Name}");
            if (difference is not null)
            {
                return difference;
            }
        }

        return null;
    }

    private static bool IsScalar(JsonElement element) =>
        element.ValueKind == JsonValueKind.Object &&
        element.EnumerateObject().Count() == 2 &&
        element.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String &&
        element.TryGetProperty("value", out var value) && value.ValueKind == JsonValueKind.String;

    private static string? ScalarDifference(string type, string text, object actual, string path)
    {
        var same = type switch
        {
            "string" => actual is string s && s == text,
            "integer" => actual is long l && l == long.Parse(text, CultureInfo.InvariantCulture),
            "float" => actual is double d && SameFloat(d, text),
            "bool" => actual is bool b && b == (text == "true"),
            "datetime" or "datetime-local" or "date-local" or "time-local" =>
                actual is TomlDateTime dt && KindName(dt.Kind) == type && SameDateTime(dt, type, text),
            _ => false,
        };
        return same ? null : $"{path}: expected {type} '{text}', got {Describe(actual)}";
    }

    private static bool SameFloat(double actual, string text) => text switch
    {
        "nan" or "+nan" or "-nan" => double.IsNaN(actual),
        "inf" or "+inf" => double.IsPositiveInfinity(actual),
        "-inf" => double.IsNegativeInfinity(actual),
        _ => actual.Equals(double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture)),
    };

    /// <summary>toml-test writes RFC 3339 text; Tomlyn keeps 100 ns ticks, so fractions are compared to 7 digits.</summary>
    private static bool SameDateTime(TomlDateTime actual, string type, string text)
    {
        var seven = Regex.Replace(text, @"\.(\d{1,7})\d*", ".$1");
        var styles = DateTimeStyles.AllowWhiteSpaces;
        return type switch
        {
            "datetime" => DateTimeOffset.Parse(seven, CultureInfo.InvariantCulture, styles) is var offset &&
                actual.DateTime.UtcDateTime == offset.UtcDateTime && actual.DateTime.Offset == offset.Offset,
            "datetime-local" => actual.DateTime.DateTime == DateTime.Parse(seven, CultureInfo.InvariantCulture, styles),
            "date-local" => actual.DateTime.Date == DateTime.Parse(seven, CultureInfo.InvariantCulture, styles),
            _ => actual.DateTime.TimeOfDay == TimeSpan.Parse(seven, CultureInfo.InvariantCulture),
        };
    }

    private static string KindName(TomlDateTimeKind kind) => kind switch
    {
        TomlDateTimeKind.OffsetDateTimeByZ or TomlDateTimeKind.OffsetDateTimeByNumber => "datetime",
        TomlDateTimeKind.LocalDateTime => "datetime-local",
        TomlDateTimeKind.LocalDate => "date-local",
        _ => "time-local",
    };

    private static string Describe(object value) => value switch
    {
        TomlTable => "a table",
        TomlArray or TomlTableArray => "an array",
        _ => $"{value.GetType().Name} '{value}'",
    };
}
