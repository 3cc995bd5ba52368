using CloudLink.Core.Odbc;

namespace CloudLink.Tests.Odbc.Differential;

/// <summary>Lengths that matter to the reader: short, empty, at, just under and just over the bound element, and far beyond it.</summary>
public static class TextLengths
{
    public static string LongText(RandomValues values, TextMeasure measure)
    {
        var bound = OdbcColumnBuffer.BoundTextUnits;
        var roll = values.Between(0, 99);
        return roll switch
        {
            < 55 => values.ShortText(24),
            < 65 => "",
            < 77 => values.Text(bound + values.Between(-1, 1), measure),
            < 80 => values.Text(values.Between(3000, 12000), measure),
            _ => values.Text(values.Between(25, 600), measure),
        };
    }

    public static byte[] LongBytes(RandomValues values)
    {
        var bound = OdbcColumnBuffer.BoundBinaryBytes;
        var roll = values.Between(0, 99);
        return values.Bytes(roll switch
        {
            < 60 => values.Between(0, 16),
            < 72 => bound + values.Between(-1, 1),
            < 75 => values.Between(5000, 20000),
            _ => values.Between(17, 600),
        });
    }
}
