using ContractKit.Contracts.Values;

namespace ContractKit.Contracts.Tests.Values;

public class DurationTests
{
    [TestCase("800ms", 800)]
    [TestCase("30s", 30_000)]
    [TestCase("15m", 900_000)]
    [TestCase("1h", 3_600_000)]
    [TestCase("7d", 604_800_000)]
    [TestCase("1h30m", 5_400_000)]
    [TestCase("0s", 0)]
    public void Parses_whole_numbers_with_units(string text, long milliseconds)
    {
        Assert.That(Duration.TryParse(text, out var value, out var error), Is.True, error);
        Assert.That(value.TotalMilliseconds, Is.EqualTo(milliseconds));
    }

    [TestCase("5 minutes")]
    [TestCase("15")]
    [TestCase("1.5h")]
    [TestCase("-5m")]
    [TestCase("5M")]
    [TestCase("")]
    [TestCase("h")]
    public void Rejects_anything_else_with_a_message_that_quotes_the_text(string text)
    {
        Assert.That(Duration.TryParse(text, out _, out var error), Is.False);
        Assert.That(error, Does.Contain($"'{text}'").And.Contain("e.g. 15m"));
    }

    [Test]
    public void Rejects_durations_longer_than_ten_years()
    {
        Assert.That(Duration.TryParse("3651d", out _, out var error), Is.False);
        Assert.That(error, Does.Contain("3650 days"));
        Assert.That(Duration.TryParse("99999999999999999999d", out _, out _), Is.False);
    }

    [TestCase("90m", "1h30m")]
    [TestCase("60s", "1m")]
    [TestCase("1500ms", "1s500ms")]
    [TestCase("24h", "1d")]
    public void Prints_the_shortest_canonical_form(string text, string canonical) =>
        Assert.That(Duration.Parse(text).ToString(), Is.EqualTo(canonical));

    [Test]
    public void Compares_by_length()
    {
        Assert.That(Duration.Parse("15m") < Duration.Parse("1h"), Is.True);
        Assert.That(Duration.Parse("60m"), Is.EqualTo(Duration.Parse("1h")));
        Assert.That(Duration.Parse("1h30m").ToWords(), Is.EqualTo("1 hour 30 minutes"));
    }
}
