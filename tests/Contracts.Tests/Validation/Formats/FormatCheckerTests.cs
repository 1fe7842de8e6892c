using ContractKit.Contracts.Validation.Formats;

namespace ContractKit.Contracts.Tests.Validation.Formats;

/// <summary>Cases the suite leaves out, and the decisions where the RFCs leave room.</summary>
public class FormatCheckerTests
{
    [TestCase("date-time", "2024-02-29T23:59:60Z", true, Description = "a leap second at 23:59:60 UTC, any date")]
    [TestCase("date-time", "2024-02-30T25:61:00Z", false, Description = "what NJsonSchema lets through")]
    [TestCase("date-time", "2023-02-29T00:00:00Z", false)]
    [TestCase("date-time", "0000-02-29T00:00:00Z", true, Description = "year 0 is a leap year")]
    [TestCase("date-time", "1985-04-12T23:20:50.Z", false, Description = "a fraction needs a digit")]
    [TestCase("date-time", "1985-04-12 23:20:50Z", false, Description = "RFC 3339's ABNF has no space separator")]
    [TestCase("date-time", "1985-04-12T23:20:50", false, Description = "the offset is required")]
    [TestCase("time", "00:59:60+01:00", true, Description = "23:59:60 in UTC")]
    [TestCase("time", "23:59:60.5Z", true)]
    [TestCase("duration", "p1d", false, Description = "designators are upper case")]
    [TestCase("duration", "P1M1W", false)]
    [TestCase("duration", "P1DT", false)]
    [TestCase("duration", "PT1H1M1S", true)]
    public void Dates_and_times(string format, string value, bool valid) => Check(format, value, valid);

    [TestCase("hostname", "XN--9N2BP8Q", true, Description = "A-labels compare without case")]
    [TestCase("hostname", "xn--", false)]
    [TestCase("hostname", "ab--cd", true, Description = "only xn-- is an IDNA prefix; other R-LDH labels pass as RFC 1123 says")]
    [TestCase("hostname", "a.b.c.d", true)]
    [TestCase("idn-hostname", "Bücher.example", false, Description = "no UTS #46 mapping: 'B' is DISALLOWED in a U-label")]
    [TestCase("idn-hostname", "bücher.example", true)]
    [TestCase("idn-hostname", "EXAMPLE.com", true, Description = "LDH labels keep their case")]
    [TestCase("idn-hostname", "\uD800abc", false, Description = "a lone surrogate is no character")]
    [TestCase("idn-hostname", "אבג.com", true, Description = "an RTL label and an LTR label that both meet the Bidi rule")]
    [TestCase("idn-hostname", "אבג.1com", false, Description = "in a Bidi name an LDH label must start with a letter")]
    [TestCase("email", "a@b", true)]
    [TestCase("email", "\"\"@example.com", true)]
    [TestCase("email", "user@[IPv6:2001:db8::1]", true)]
    [TestCase("email", "user@[2001:db8::1]", false)]
    [TestCase("email", "a\"b@example.com", false)]
    [TestCase("email", "user@example.com.", false)]
    [TestCase("email", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa@example.com", false, Description = "65 octets")]
    [TestCase("idn-email", "ääääääääääääääääääääääääääääääää@example.com", true, Description = "32 characters, 64 octets")]
    [TestCase("idn-email", "äääääääääääääääääääääääääääääääää@example.com", false, Description = "33 characters, 66 octets")]
    public void Host_names_and_mailboxes(string format, string value, bool valid) => Check(format, value, valid);

    [TestCase("uri", "a:", true)]
    [TestCase("uri", "foo://example.com:8042/over/there?name=ferret#nose", true)]
    [TestCase("uri", "http://[fe80::1%25eth0]/", false, Description = "no RFC 6874 zone identifiers")]
    [TestCase("uri", "http://a/b#c#d", false)]
    [TestCase("iri", "http://example.com/\U000E0041", false, Description = "tags (U+E0000 to U+E0FFF) are not ucschar")]
    [TestCase("iri", "http://example.com/\uE000", false, Description = "private use only in the query")]
    [TestCase("iri", "http://example.com/?\uE000", true)]
    [TestCase("uri-template", "{var:30}", true)]
    [TestCase("uri-template", "{var:3*}", false)]
    [TestCase("uri-template", "{+}", false)]
    [TestCase("uri-template", "{=var}", false, Description = "operators reserved for future use")]
    public void Uris(string format, string value, bool valid) => Check(format, value, valid);

    [TestCase("a{2,1}", false)]
    [TestCase("a{99999999999999999999,100000000000000000000}", true)]
    [TestCase("a{,5}", false)]
    [TestCase("\\p{L}", true)]
    [TestCase("\\p{Script=Latin}", true)]
    [TestCase("\\p{scx=Grek}", true)]
    [TestCase("\\p{Latin}", false)]
    [TestCase("\\p{Foo}", false)]
    [TestCase("(?<a>x)|(?<a>y)", true)]
    [TestCase("(?<a>x)(?<a>y)", false)]
    [TestCase("((?<a>x)|y)(?<a>z)", false)]
    [TestCase("\\1(a)", true)]
    [TestCase("\\2(a)", false)]
    [TestCase("[z-a]", false)]
    [TestCase("[\\d-z]", false)]
    [TestCase("(?=a)*", false)]
    [TestCase("(?<=a)?", false)]
    [TestCase("a**", false)]
    [TestCase("]", false)]
    [TestCase("}", false)]
    [TestCase("\\u{10FFFF}", true)]
    [TestCase("\\u{110000}", false)]
    [TestCase("[\\uD83D\\uDE00-\\uD83D\\uDE4F]", true)]
    [TestCase("(?i:a)(?-i:b)(?i-s:c)", true)]
    [TestCase("(?ii:a)", false)]
    [TestCase("(?i-i:a)", false)]
    [TestCase("(?-:a)", false)]
    [TestCase("(?<a>.)\\k<a>", true)]
    [TestCase("\\k<a>", false)]
    [TestCase("\\c1", false)]
    [TestCase("[\\b]\\B", true)]
    [TestCase("[\\B]", false)]
    [TestCase("\\/[\\-]", true)]
    [TestCase("\\-", false)]
    [TestCase("a)", false)]
    [TestCase("x{1}{2}", false)]
    public void Ecmascript_regular_expressions(string value, bool valid) => Check("regex", value, valid);

    private static void Check(string format, string value, bool valid)
    {
        Assert.That(FormatCheckers.TryGet(format, out var check), Is.True);
        Assert.That(check!(value), Is.EqualTo(valid));
    }
}
