using ContractKit.Contracts.Validation.Compilation;

namespace ContractKit.Contracts.Tests.Validation;

public class EcmaRegexTests
{
    [TestCase("^[A-Z]{3}$", "ABC", true)]
    [TestCase("^[A-Z]{3}$", "ABC\n", false)]
    [TestCase(@"^\d+$", "123", true)]
    [TestCase(@"^\d+$", "١٢٣", false)]
    [TestCase(@"^\w+$", "é", false)]
    [TestCase(@"^\p{Letter}+$", "Ünïcödé", true)]
    [TestCase("^🐲*$", "", true)]
    [TestCase("^🐲*$", "🐲🐲", true)]
    [TestCase("^.$", "🐲", true)]
    [TestCase(@"^\s$", "\uFEFF", true)]
    [TestCase("a.c", "a\rc", false)]
    [TestCase(@"^\p{Cased_Letter}+$", "AbǅÉ", true)]
    [TestCase(@"^\p{Cased_Letter}$", "あ", false)]
    [TestCase(@"^\p{Cased_Letter}$", "ʰ", false)]
    [TestCase(@"^\p{LC}$", "ǅ", true)]
    [TestCase(@"^\P{Cased_Letter}$", "あ", true)]
    [TestCase(@"^\P{Cased_Letter}$", "a", false)]
    [TestCase(@"^[\p{Cased_Letter}0-9]+$", "a1B", true)]
    [TestCase(@"^[\p{Cased_Letter}0-9]+$", "aあ", false)]
    public void Reads_patterns_as_ECMA_262(string pattern, string input, bool matches) =>
        Assert.That(EcmaRegex.Create(pattern).IsMatch(input), Is.EqualTo(matches));

    [Test]
    public void A_trailing_newline_fails_an_anchored_pattern_where_dotnet_semantics_would_pass_it()
    {
        // JsonSchema.Net 8.0.5 accepts this record (it uses .NET's "$"); ajv and ContractKit reject it.
        var validator = ContractKit.Contracts.Validation.RecordValidator.Create(
            System.Text.Json.JsonDocument.Parse("""{"pattern":"^[A-Z]{3}$"}""").RootElement, "file:///schema.json");
        Assert.That(validator.IsValid(System.Text.Json.JsonSerializer.SerializeToElement("EUR\n")), Is.False);
        Assert.That(System.Text.RegularExpressions.Regex.IsMatch("EUR\n", "^[A-Z]{3}$"), Is.True, ".NET's own reading, for contrast");
    }

    [Test]
    public void A_negated_cased_letter_inside_a_class_is_refused_rather_than_read_as_something_else() =>
        Assert.That(() => EcmaRegex.Create(@"^[\P{Cased_Letter}]$"), Throws.InstanceOf<ArgumentException>());
}
