using CloudLink.Core.Pairing;

namespace CloudLink.Tests.Pairing;

/// <summary>The banner's expiry reads as a sentence in every language: one minute, several minutes.</summary>
public sealed class PinBannerTests
{
    private static readonly Uri Cloud = new("https://www.injixo.com");

    [Theory]
    [InlineData("en", 5, "(expires in 5 minutes)")]
    [InlineData("en", 1, "(expires in 1 minute)")]
    [InlineData("de", 1, "(läuft in 1 Minute ab)")]
    [InlineData("de", 4, "(läuft in 4 Minuten ab)")]
    [InlineData("nl", 1, "(verloopt over 1 minuut)")]
    [InlineData("fr", 1, "(expire dans 1 minute)")]
    [InlineData("es", 1, "(caduca en 1 minuto)")]
    [InlineData("es", 2, "(caduca en 2 minutos)")]
    public void The_expiry_is_singular_for_one_minute_and_plural_otherwise(string language, int minutes, string expected)
    {
        var banner = PinBanner.Format("123456", Cloud, TimeSpan.FromMinutes(minutes) - TimeSpan.FromSeconds(20), language);
        Assert.Contains("123456 " + expected, banner, StringComparison.Ordinal);
    }

    [Fact]
    public void Seconds_left_round_up_to_one_minute()
    {
        Assert.Contains("(expires in 1 minute)", PinBanner.Format("123456", Cloud, TimeSpan.FromSeconds(5), "en"), StringComparison.Ordinal);
    }
}
