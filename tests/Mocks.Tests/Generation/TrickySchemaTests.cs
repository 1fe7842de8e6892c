using System.Buffers;
using System.Text.Json;
using ContractKit.Contracts.Validation;
using ContractKit.Mocks.Generation;

namespace ContractKit.Mocks.Tests.Generation;

/// <summary>Schemas that are easy to get wrong: each generates 10,000 records the validator accepts.</summary>
public class TrickySchemaTests
{
    private const int Records = 10_000;

    private static readonly string[] AllFormats =
    [
        "date-time", "date", "time", "duration", "uuid", "email", "idn-email", "uri", "uri-reference", "iri", "iri-reference",
        "uri-template", "hostname", "idn-hostname", "ipv4", "ipv6", "json-pointer", "relative-json-pointer", "regex",
    ];

    private static IEnumerable<TestCaseData> Schemas()
    {
        yield return Case("pattern with \\d and quantifiers", """
            { "type": "object", "required": ["code", "phone", "tag", "plate"],
              "properties": {
                "code": { "type": "string", "pattern": "^ORD-\\d{4,6}[A-Z]?$" },
                "phone": { "type": "string", "pattern": "^\\+\\d{1,3} \\(\\d{3}\\) \\d{3}-\\d{4}$" },
                "tag": { "type": "string", "pattern": "(?:ab|cd)+x*?", "maxLength": 9 },
                "plate": { "type": "string", "pattern": "^[A-Z]{1,3}-[A-Z]{1,2} \\d{1,4}$", "minLength": 8 },
                "word": { "type": "string", "pattern": "^\\w+\\.\\W\\s\\S$" },
                "anything": { "type": "string", "pattern": "^.{3}[^a-z0-9]$" } } }
            """);
        yield return Case("oneOf with overlapping branches", """
            { "type": "object", "required": ["v", "w"],
              "properties": {
                "v": { "oneOf": [ { "type": "integer", "minimum": 0, "maximum": 100 }, { "type": "integer", "minimum": 50, "maximum": 150 } ] },
                "w": { "oneOf": [ { "type": "string" }, { "type": "string", "maxLength": 3 }, { "type": "integer" } ] } } }
            """);
        yield return Case("oneOf with a discriminator", """
            { "type": "object", "required": ["payment"],
              "properties": { "payment": { "oneOf": [
                { "type": "object", "required": ["kind", "last4"], "properties": { "kind": { "const": "card" }, "last4": { "type": "string", "pattern": "^\\d{4}$" } } },
                { "type": "object", "required": ["kind", "iban"], "properties": { "kind": { "const": "bank" }, "iban": { "type": "string", "pattern": "^DE\\d{20}$" } } } ] } } }
            """);
        yield return Case("uniqueItems with a small enum", """
            { "type": "object", "required": ["tags", "flags"],
              "properties": {
                "tags": { "type": "array", "items": { "enum": ["red", "green", "blue"] }, "uniqueItems": true, "minItems": 2 },
                "flags": { "type": "array", "items": { "type": "boolean" }, "uniqueItems": true, "maxItems": 5 },
                "ids": { "type": "array", "items": { "type": "integer", "minimum": 1, "maximum": 4 }, "uniqueItems": true, "minItems": 3 } } }
            """);
        yield return Case("multipleOf 0.01 with bounds", """
            { "type": "object", "required": ["price", "rate", "steps"],
              "properties": {
                "price": { "type": "number", "multipleOf": 0.01, "minimum": 0.5, "maximum": 2.5 },
                "rate": { "type": "number", "multipleOf": 0.25, "exclusiveMinimum": 0, "exclusiveMaximum": 1 },
                "steps": { "type": "integer", "multipleOf": 2.5, "minimum": -20, "maximum": 20 },
                "both": { "allOf": [ { "multipleOf": 0.3 }, { "multipleOf": 0.4 } ], "type": "number", "maximum": 10 } } }
            """);
        yield return Case("exclusiveMinimum", """
            { "type": "object", "required": ["tiny", "six", "positive", "negative"],
              "properties": {
                "tiny": { "type": "number", "exclusiveMinimum": 0, "exclusiveMaximum": 0.001 },
                "six": { "type": "integer", "exclusiveMinimum": 5, "exclusiveMaximum": 7 },
                "positive": { "type": "number", "exclusiveMinimum": 0 },
                "negative": { "type": "integer", "exclusiveMaximum": -10 } } }
            """);
        yield return Case("nested arrays of objects", """
            { "type": "object", "required": ["orders"],
              "properties": { "orders": { "type": "array", "minItems": 1, "items": {
                "type": "object", "required": ["lines"], "additionalProperties": false,
                "properties": { "lines": { "type": "array", "minItems": 1, "maxItems": 4, "items": {
                  "type": "object", "required": ["sku", "qty"], "additionalProperties": false,
                  "properties": { "sku": { "type": "string", "pattern": "^[A-Z]{3}-\\d{3}$" }, "qty": { "type": "integer", "minimum": 1, "maximum": 9 },
                                  "dims": { "type": "array", "prefixItems": [ { "type": "number" }, { "type": "number" } ], "items": false, "minItems": 2 } } } } } } } } }
            """);
        yield return Case("allOf with if/then/else", """
            { "type": "object",
              "allOf": [
                { "required": ["kind"], "properties": { "kind": { "enum": ["card", "bank"] } } },
                { "if": { "properties": { "kind": { "const": "card" } } },
                  "then": { "required": ["last4"], "properties": { "last4": { "type": "string", "pattern": "^\\d{4}$" } } },
                  "else": { "required": ["iban"], "properties": { "iban": { "type": "string", "pattern": "^[A-Z]{2}\\d{2}[A-Z0-9]{10,30}$" } } } } ] }
            """);
        yield return Case("dependentRequired, dependentSchemas, min/maxProperties", """
            { "type": "object", "minProperties": 2, "maxProperties": 4,
              "properties": { "a": { "type": "string" }, "b": { "type": "integer" }, "c": { "type": "boolean" }, "d": { "type": "null" }, "e": { "type": "string" } },
              "dependentRequired": { "a": ["b"], "b": ["c"] },
              "dependentSchemas": { "e": { "required": ["d"] } } }
            """);
        yield return Case("contains, prefixItems, closed tuples", """
            { "type": "object", "required": ["scores", "pair"],
              "properties": {
                "scores": { "type": "array", "items": { "type": "integer", "minimum": 0, "maximum": 100 }, "contains": { "minimum": 90 }, "minContains": 2, "maxContains": 3 },
                "pair": { "type": "array", "prefixItems": [ { "type": "string", "format": "date" }, { "type": "integer" } ], "items": false },
                "lead": { "type": "array", "prefixItems": [ { "const": "header" } ], "items": { "type": "string", "format": "email" }, "contains": { "const": "header" } } } }
            """);
        yield return Case("anyOf, not, unions and const", """
            { "type": "object", "required": ["contact", "value", "id", "fixed"],
              "anyOf": [ { "required": ["email"] }, { "required": ["phone"] } ],
              "properties": {
                "email": { "type": "string", "format": "email" }, "phone": { "type": "string", "pattern": "^\\d{10}$" },
                "contact": { "anyOf": [ { "type": "string", "format": "uri" }, { "type": "null" } ] },
                "value": { "type": ["string", "integer", "null"], "not": { "const": 0 }, "minimum": -1, "maximum": 1, "maxLength": 5 },
                "id": { "type": "string", "not": { "pattern": "^[a-f]" }, "format": "uuid" },
                "fixed": { "const": { "version": 2, "tags": ["a", "b"] } },
                "mixed": { "enum": [1, "one", null, true, [1], { "one": 1 }] } } }
            """);
        yield return Case("maps, patternProperties and propertyNames", """
            { "type": "object", "required": ["labels", "metrics"],
              "properties": {
                "labels": { "type": "object", "additionalProperties": { "type": "string", "maxLength": 10 }, "propertyNames": { "pattern": "^[a-z_]+$" }, "minProperties": 1 },
                "metrics": { "type": "object", "patternProperties": { "^m_[a-z]{2,5}$": { "type": "number" } }, "additionalProperties": false } } }
            """);
        yield return Case("recursion through $defs", """
            { "$ref": "#/$defs/node",
              "$defs": { "node": { "type": "object", "required": ["name"], "additionalProperties": false,
                "properties": { "name": { "type": "string", "minLength": 1 }, "children": { "type": "array", "maxItems": 2, "items": { "$ref": "#/$defs/node" } } } } } }
            """);
        yield return Case("unevaluatedProperties with allOf", """
            { "type": "object", "unevaluatedProperties": false, "required": ["id"],
              "allOf": [ { "properties": { "id": { "type": "integer", "minimum": 1 } } }, { "properties": { "note": { "type": "string" } } } ] }
            """);
        var formats = string.Join(", ", AllFormats.Select(f => $"\"{f}\": {{ \"type\": \"string\", \"format\": \"{f}\" }}"));
        var names = string.Join(", ", AllFormats.Select(f => $"\"{f}\""));
        yield return Case("every format", $$"""{ "type": "object", "required": [{{names}}], "properties": { {{formats}} } }""");
    }

    private static TestCaseData Case(string name, string schema) => new TestCaseData(schema).SetName(name);

    [TestCaseSource(nameof(Schemas))]
    public async Task Generates_10000_valid_records(string schema)
    {
        var dataset = await GenerationTesting.WithSchema(schema);
        var generator = RecordGenerator.For(dataset);
        var validator = RecordValidator.For(dataset.Schema);
        var buffer = new ArrayBufferWriter<byte>(1024);
        using var writer = new Utf8JsonWriter(buffer);

        var invalid = new List<string>();
        for (var i = 0; i < Records && invalid.Count < 5; i++)
        {
            buffer.ResetWrittenCount();
            writer.Reset(buffer);
            generator.Write(writer, (ulong)i);
            writer.Flush();
            using var record = JsonDocument.Parse(buffer.WrittenMemory);
            var result = validator.Validate(record.RootElement);
            if (!result.IsValid)
            {
                invalid.Add(record.RootElement.GetRawText() + "\n  " + string.Join("\n  ", result.Errors));
            }
        }

        Assert.That(invalid, Is.Empty, string.Join("\n", invalid));
    }

    [Test]
    public async Task Optional_properties_nulls_and_branches_all_show_up()
    {
        var dataset = await GenerationTesting.WithSchema("""
            { "type": "object", "required": ["kind"],
              "properties": { "kind": { "oneOf": [ { "const": "a" }, { "const": "b" } ] }, "note": { "type": ["string", "null"] } } }
            """);
        var generator = RecordGenerator.For(dataset);

        var records = Enumerable.Range(0, 1000).Select(i => generator.Generate((ulong)i)).ToList();

        Assert.That(records.Select(r => (string)r["kind"]!).Distinct(), Is.EquivalentTo(new[] { "a", "b" }));
        Assert.That(records.Count(r => r.ContainsKey("note")), Is.InRange(700, 900), "optional properties appear in about 80% of records");
        Assert.That(records.Count(r => r.ContainsKey("note") && r["note"] is null), Is.InRange(40, 140), "nullable values are null in about 10%");
    }
}
