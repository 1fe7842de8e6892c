using ContractKit.Mocks.Generation;

namespace ContractKit.Mocks.Tests.Generation;

/// <summary>What the generator cannot honour fails construction, naming the place in the schema.</summary>
public class UnsupportedSchemaTests
{
    private static IEnumerable<TestCaseData> Cases()
    {
        yield return Case("a lookahead", """{ "type": "object", "properties": { "p": { "type": "string", "pattern": "^(?=.*\\d)[a-z\\d]{8}$" } } }""",
            "#/properties/p/pattern", "lookaround");
        yield return Case("a backreference", """{ "type": "object", "properties": { "p": { "type": "string", "pattern": "^(a+)-\\1$" } } }""",
            "#/properties/p/pattern", "backreference");
        yield return Case("a word boundary", """{ "type": "object", "properties": { "p": { "type": "string", "pattern": "\\bword\\b" } } }""",
            "#/properties/p/pattern", "word boundary");
        yield return Case("a lookbehind", """{ "type": "object", "properties": { "p": { "type": "string", "pattern": "(?<=@)[a-z]+" } } }""",
            "#/properties/p/pattern", "lookaround");
        yield return Case("characters beyond U+FFFF in a class", """{ "type": "object", "properties": { "p": { "type": "string", "pattern": "^[😀😂]$" } } }""",
            "#/properties/p/pattern", "beyond U+FFFF");
        yield return Case("bounds no value fits, on a required property", """{ "type": "object", "required": ["n"], "properties": { "n": { "type": "integer", "allOf": [ { "minimum": 10 }, { "maximum": 5 } ] } } }""",
            "#/properties/n", "no integer");
        yield return Case("lengths no string fits", """{ "type": "object", "required": ["s"], "properties": { "s": { "type": "string", "allOf": [ { "minLength": 5 }, { "maxLength": 2 } ] } } }""",
            "#/properties/s", "minLength 5 is above maxLength 2");
        yield return Case("a pattern and lengths that exclude each other", """{ "type": "object", "required": ["s"], "properties": { "s": { "type": "string", "pattern": "^[A-Z]{3}$", "minLength": 4 } } }""",
            "#/properties/s", "no string of length");
        yield return Case("oneOf branches that always overlap", """{ "type": "object", "required": ["v"], "properties": { "v": { "oneOf": [ { "type": "integer" }, { "type": "integer", "minimum": -1000000 } ] } } }""",
            "#/properties/v", "no value drawn satisfies");
        yield return Case("uniqueItems over too few values", """{ "type": "object", "required": ["a"], "properties": { "a": { "type": "array", "items": { "enum": [1, 2] }, "uniqueItems": true, "minItems": 3 } } }""",
            "#/properties/a", "at most 2 item");
        yield return Case("a required property that is not allowed", """{ "type": "object", "required": ["x"], "properties": { "y": { "type": "string" } }, "additionalProperties": false }""",
            "#", "'x' is required but not allowed");
    }

    private static TestCaseData Case(string name, string schema, string location, string reason) =>
        new TestCaseData(schema, location, reason).SetName(name);

    [TestCaseSource(nameof(Cases))]
    public async Task Construction_fails_with_the_schema_location(string schema, string location, string reason)
    {
        var dataset = await GenerationTesting.WithSchema(schema);

        var error = Assert.Throws<GenerationException>(() => RecordGenerator.For(dataset))!;

        Assert.That(error.SchemaLocation, Is.EqualTo(location), error.Message);
        Assert.That(error.Reason, Does.Contain(reason));
    }

    [Test]
    public async Task An_optional_property_no_value_fits_is_left_out()
    {
        var dataset = await GenerationTesting.WithSchema("""{ "type": "object", "properties": { "n": { "type": "integer", "allOf": [ { "minimum": 10 }, { "maximum": 5 } ] }, "s": { "type": "string" } } }""");

        var records = Enumerable.Range(0, 200).Select(i => RecordGenerator.For(dataset).Generate((ulong)i)).ToList();

        Assert.That(records.Any(r => r.ContainsKey("n")), Is.False);
    }

    [Test]
    public async Task A_key_field_that_cannot_be_unique_is_refused()
    {
        var dataset = await GenerationTesting.WithSchema("""{ "type": "object", "required": ["k"], "properties": { "k": { "enum": ["a", "b"] } } }""", key: "k");

        var error = Assert.Throws<GenerationException>(() => RecordGenerator.For(dataset))!;

        Assert.That((error.SchemaLocation, error.Reason), Is.EqualTo(("#/properties/k", error.Reason)));
        Assert.That(error.Reason, Does.Contain("a key field must be"));
    }
}
