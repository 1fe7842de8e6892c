using System.Text.Json;
using ContractKit.Contracts.Validation;
using ContractKit.Mocks.Generation;
using ContractKit.Mocks.Generation.Strings;

namespace ContractKit.Mocks.Tests.Generation.Strings;

/// <summary>ECMA-262 patterns read into automata: walks give matching strings, within length bounds; ranks give distinct ones.</summary>
public class StringAutomatonTests
{
    [TestCase(@"^[A-Z]{3}$")]
    [TestCase(@"^\d{3}-\d{2,4}$")]
    [TestCase(@"^(?:foo|bar)+\.(?<ext>txt|csv)$")]
    [TestCase(@"^[^\s,]{2,8}$")]
    [TestCase(@"^\w+@\w+\.\w{2,3}$")]
    [TestCase(@"^.{5}$")]
    [TestCase(@"^\x41\u0042\t[\-\]]?$")]
    [TestCase(@"^a{2,}?b*?c+?$")]
    [TestCase(@"^(|x|yz)$")]
    [TestCase(@"^\p{Lu}\p{Ll}+$")]
    [TestCase(@"^&~#@""<>$")]
    [TestCase(@"[0-9]")]
    [TestCase(@"^\{1\}{2}$")]
    public void Walks_give_strings_the_validator_matches(string pattern)
    {
        var automaton = StringAutomaton.ForPatterns([pattern]);
        var validator = RecordValidator.Create(JsonSerializer.SerializeToElement(new { pattern }), "urn:test");
        Span<char> buffer = stackalloc char[256];

        for (var i = 0UL; i < 500; i++)
        {
            var rng = new Prng(i);
            var length = automaton.Walk(ref rng, 0, 256, 12, buffer);
            Assert.That(length, Is.GreaterThanOrEqualTo(0));
            var text = new string(buffer[..length]);
            Assert.That(validator.Validate(JsonSerializer.SerializeToElement(text)).IsValid, Is.True, $"'{text}' for {pattern}");
        }
    }

    [Test]
    public void Length_bounds_are_kept_inside_the_pattern()
    {
        var automaton = StringAutomaton.ForPatterns([@"^[a-z]+(-[a-z]+)*$"]);
        Span<char> buffer = stackalloc char[64];

        for (var i = 0UL; i < 500; i++)
        {
            var rng = new Prng(i);
            var length = automaton.Walk(ref rng, 10, 12, 11, buffer);
            Assert.That(length, Is.InRange(10, 12).Or.EqualTo(-1));
        }
    }

    [Test]
    public void Several_patterns_intersect_as_searches()
    {
        var automaton = StringAutomaton.ForPatterns(["^[a-z0-9]{6}$", "[0-9]", "x"]);
        Span<char> buffer = stackalloc char[16];

        for (var i = 0UL; i < 200; i++)
        {
            var rng = new Prng(i);
            var text = new string(buffer[..automaton.Walk(ref rng, 0, 16, 6, buffer)]);
            Assert.That(text, Does.Match("^[a-z0-9]{6}$").And.Match("[0-9]").And.Contain("x"));
        }
    }

    [Test]
    public void Ranks_are_distinct_strings_in_order()
    {
        var automaton = StringAutomaton.ForPatterns(["^[A-C]{2}-?[0-9]$"]);

        var strings = Enumerable.Range(0, 180).Select(r => automaton.Unrank((ulong)r, 0, 10)).ToList();

        Assert.That(strings.Take(3), Is.EqualTo(new[] { "AA0", "AA1", "AA2" }));
        Assert.That(strings, Is.Unique.And.All.Not.Null);
        Assert.That(automaton.Unrank(180, 0, 10), Is.Null, "9 × 10 without the dash and as many with it");
    }

    [TestCase(@"(?=a)b", "lookaround")]
    [TestCase(@"(a)\1", "backreference")]
    [TestCase(@"\Bx", "word boundary")]
    [TestCase(@"\p{Script=Latin}", "Unicode property")]
    public void Constructs_without_an_automaton_are_refused(string pattern, string reason)
    {
        Assert.That(() => StringAutomaton.ForPatterns([pattern]), Throws.TypeOf<UnsupportedPatternException>().With.Message.Contains(reason));
    }
}
