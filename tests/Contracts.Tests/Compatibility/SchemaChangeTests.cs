using ContractKit.Contracts.Compatibility;

namespace ContractKit.Contracts.Tests.Compatibility;

/// <summary>
/// Schema changes and their effect under backward, forward and full, one row per case.
/// </summary>
/// <remarks>
/// The expected effects are Confluent Schema Registry's published JSON Schema behaviour:
/// "Schema Evolution and Compatibility" and "JSON Schema Serializer and Deserializer" (section
/// "JSON Schema compatibility rules": open, closed and partially open content models) at
/// https://docs.confluent.io/platform/current/schema-registry/fundamentals/schema-evolution.html and
/// https://docs.confluent.io/platform/current/schema-registry/fundamentals/serdes-develop/serdes-json.html,
/// and the checker itself (confluentinc/schema-registry, json-schema-provider,
/// io/confluent/kafka/schemaregistry/json/diff/SchemaDiff.java: COMPATIBLE_CHANGES lists the
/// differences that keep BACKWARD; FORWARD is the same check with the versions swapped; FULL is
/// both). Where Confluent is silent (format, which its checker ignores, and x-pii) the row says so.
/// "C" is compatible, "B" breaking, in the order backward, forward, full.
/// </remarks>
public class SchemaChangeTests
{
    private const string Template = """
        apiVersion: contractkit/v1
        id: schema-case
        version: 1.0.0
        status: active
        title: Schema case
        owner: { team: data }
        source: { kind: files }
        datasets:
          - name: d
            files: { path: "d/*.jsonl", format: jsonl }
            schema: SCHEMA
        """;

    private static string Closed(string properties, string required = "[]") => $"{{type: object, additionalProperties: false, required: {required}, properties: {properties}}}";

    private static string Open(string properties, string required = "[]") => $"{{type: object, required: {required}, properties: {properties}}}";

    private static string P(string schema) => Closed($"{{p: {schema}}}");

    private static TestCaseData Case(string name, string old, string @new, string rules, string effects) =>
        new TestCaseData(old, @new, rules, effects).SetName(name);

    private static IEnumerable<TestCaseData> Cases()
    {
        // Content models: properties added and removed (PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL and friends).
        yield return Case("open: optional property added", Open("{a: {type: string}}"), Open("{a: {type: string}, b: {type: string}}"), "property-added-open-model", "B C B");
        yield return Case("open: required property added", Open("{a: {type: string}}"), Open("{a: {type: string}, b: {type: string}}", "[b]"), "property-added-open-model", "B C B");
        yield return Case("open: property accepting anything added", Open("{a: {type: string}}"), Open("{a: {type: string}, b: {}}"), "property-any-added-open-model", "C C C");
        yield return Case("closed: optional property added", Closed("{a: {type: string}}"), Closed("{a: {type: string}, b: {type: string}}"), "optional-property-added-closed-model", "C B B");
        yield return Case("closed: required property added", Closed("{a: {type: string}}"), Closed("{a: {type: string}, b: {type: string}}", "[b]"), "required-property-added-closed-model", "B B B");
        yield return Case("closed: required property with default added", Closed("{a: {type: string}}"), Closed("{a: {type: string}, b: {type: string, default: x}}", "[b]"), "required-property-with-default-added-closed-model", "C B B");
        yield return Case("open: optional property removed", Open("{a: {type: string}, b: {type: string}}"), Open("{a: {type: string}}"), "property-removed-open-model", "C B B");
        yield return Case("open: required property removed", Open("{a: {type: string}, b: {type: string}}", "[b]"), Open("{a: {type: string}}"), "property-removed-open-model", "C B B");
        yield return Case("closed: optional property removed", Closed("{a: {type: string}, b: {type: string}}"), Closed("{a: {type: string}}"), "property-removed-closed-model", "B C B");
        yield return Case("closed: required property removed", Closed("{a: {type: string}, b: {type: string}}", "[b]"), Closed("{a: {type: string}}"), "required-property-removed-closed-model", "B B B");
        yield return Case("partially open: property covered by additionalProperties added",
            "{type: object, additionalProperties: {type: string}, properties: {a: {type: string}}}",
            "{type: object, additionalProperties: {type: string}, properties: {a: {type: string}, b: {type: string}}}", "property-added-partially-open-model", "C C C");
        yield return Case("partially open: property not covered by additionalProperties added",
            "{type: object, additionalProperties: {type: string}, properties: {a: {type: string}}}",
            "{type: object, additionalProperties: {type: string}, properties: {a: {type: string}, b: {type: integer}}}", "property-added-partially-open-model type-changed", "B B B");
        yield return Case("partially open: covered property removed",
            "{type: object, additionalProperties: {type: string}, properties: {a: {type: string}, b: {type: string}}}",
            "{type: object, additionalProperties: {type: string}, properties: {a: {type: string}}}", "property-removed-partially-open-model", "C C C");
        yield return Case("partially open: required property added",
            "{type: object, additionalProperties: {type: string}, properties: {a: {type: string}}}",
            "{type: object, additionalProperties: {type: string}, required: [b], properties: {a: {type: string}, b: {type: string}}}", "property-added-partially-open-model property-made-required", "B C B");
        yield return Case("patternProperties cover an added property",
            "{type: object, additionalProperties: false, patternProperties: {'^x_': {type: string}}, properties: {a: {type: string}}}",
            "{type: object, additionalProperties: false, patternProperties: {'^x_': {type: string}}, properties: {a: {type: string}, x_b: {type: string}}}", "property-added-partially-open-model", "C C C");

        // Required (REQUIRED_ATTRIBUTE_ADDED / _WITH_DEFAULT_ADDED / _REMOVED).
        yield return Case("property made required", Closed("{a: {type: string}}"), Closed("{a: {type: string}}", "[a]"), "property-made-required", "B C B");
        yield return Case("property with default made required", Closed("{a: {type: string, default: x}}"), Closed("{a: {type: string, default: x}}", "[a]"), "property-made-required-with-default", "C C C");
        yield return Case("property made optional", Closed("{a: {type: string}}", "[a]"), Closed("{a: {type: string}}"), "property-made-optional", "C B B");

        // additionalProperties (ADDITIONAL_PROPERTIES_ADDED / _REMOVED / _NARROWED / _EXTENDED).
        yield return Case("closed object opened by removing additionalProperties", Closed("{a: {type: string}}"), Open("{a: {type: string}}"), "additional-properties-allowed", "C B B");
        yield return Case("open object closed", Open("{a: {type: string}}"), Closed("{a: {type: string}}"), "additional-properties-forbidden", "B C B");
        yield return Case("additionalProperties false to true", "{type: object, additionalProperties: false}", "{type: object, additionalProperties: true}", "additional-properties-allowed", "C B B");
        yield return Case("additionalProperties open to a schema", "{type: object}", "{type: object, additionalProperties: {type: string}}", "additional-properties-narrowed", "B C B");
        yield return Case("additionalProperties schema to open", "{type: object, additionalProperties: {type: string}}", "{type: object}", "additional-properties-extended", "C B B");
        yield return Case("additionalProperties false to a schema", "{type: object, additionalProperties: false}", "{type: object, additionalProperties: {type: string}}", "additional-properties-extended", "C B B");
        yield return Case("additionalProperties schema to false", "{type: object, additionalProperties: {type: string}}", "{type: object, additionalProperties: false}", "additional-properties-narrowed", "B C B");
        yield return Case("additionalProperties schema extended", "{type: object, additionalProperties: {type: string}}", "{type: object, additionalProperties: {type: [string, 'null']}}", "type-extended", "C B B");

        // Types (TYPE_EXTENDED / TYPE_NARROWED / TYPE_CHANGED), including ["string", "null"].
        yield return Case("string made nullable", P("{type: string}"), P("{type: [string, 'null']}"), "type-extended", "C B B");
        yield return Case("nullable string made non-null", P("{type: [string, 'null']}"), P("{type: string}"), "type-narrowed", "B C B");
        yield return Case("integer widened to number", P("{type: integer}"), P("{type: number}"), "type-extended", "C B B");
        yield return Case("number narrowed to integer", P("{type: number}"), P("{type: integer}"), "type-narrowed", "B C B");
        yield return Case("string changed to integer", P("{type: string}"), P("{type: integer}"), "type-changed", "B B B");
        yield return Case("nullable string changed to nullable integer", P("{type: [string, 'null']}"), P("{type: [integer, 'null']}"), "type-changed", "B B B");
        yield return Case("type added to an untyped property", P("{}"), P("{type: string}"), "type-narrowed", "B C B");
        yield return Case("type removed", P("{type: string}"), P("{}"), "type-extended", "C B B");
        yield return Case("type change stops the comparison of the rest", P("{type: string, maxLength: 5}"), P("{type: integer, minimum: 0}"), "type-changed", "B B B");
        yield return Case("union narrowed", P("{type: [integer, string]}"), P("{type: string}"), "type-narrowed", "B C B");
        yield return Case("union extended by boolean", P("{type: [integer, string]}"), P("{type: [integer, string, boolean]}"), "type-extended", "C B B");

        // Enums (ENUM_ARRAY_EXTENDED / _NARROWED / _CHANGED).
        yield return Case("enum value added", P("{type: string, enum: [a, b]}"), P("{type: string, enum: [a, b, c]}"), "enum-value-added", "C B B");
        yield return Case("enum value removed", P("{type: string, enum: [a, b, c]}"), P("{type: string, enum: [a, b]}"), "enum-value-removed", "B C B");
        yield return Case("enum value replaced", P("{type: string, enum: [a, b]}"), P("{type: string, enum: [a, c]}"), "enum-value-added enum-value-removed", "B B B");
        yield return Case("enum added", P("{type: string}"), P("{type: string, enum: [a, b]}"), "enum-added", "B C B");
        yield return Case("enum removed", P("{type: string, enum: [a, b]}"), P("{type: string}"), "enum-removed", "C B B");
        yield return Case("enum reordered", P("{type: string, enum: [a, b]}"), P("{type: string, enum: [b, a]}"), "", "C C C");
        yield return Case("const widened to an enum", P("{type: string, const: a}"), P("{type: string, enum: [a, b]}"), "enum-value-added", "C B B");
        yield return Case("numeric enum value added", P("{type: integer, enum: [1, 2]}"), P("{type: integer, enum: [1, 2, 3]}"), "enum-value-added", "C B B");

        // Bounds (MAX_LENGTH_*, MIN_LENGTH_*, MAXIMUM_*, MINIMUM_*, EXCLUSIVE_*, MAX_ITEMS_*, MIN_ITEMS_*, MAX_PROPERTIES_*, MIN_PROPERTIES_*).
        yield return Case("maxLength raised", P("{type: string, maxLength: 10}"), P("{type: string, maxLength: 20}"), "bound-loosened", "C B B");
        yield return Case("maxLength lowered", P("{type: string, maxLength: 20}"), P("{type: string, maxLength: 10}"), "bound-tightened", "B C B");
        yield return Case("maxLength added", P("{type: string}"), P("{type: string, maxLength: 10}"), "bound-tightened", "B C B");
        yield return Case("maxLength removed", P("{type: string, maxLength: 10}"), P("{type: string}"), "bound-loosened", "C B B");
        yield return Case("minLength lowered", P("{type: string, minLength: 1}"), P("{type: string, minLength: 0}"), "bound-loosened", "C B B");
        yield return Case("minLength raised", P("{type: string, minLength: 0}"), P("{type: string, minLength: 1}"), "bound-tightened", "B C B");
        yield return Case("minimum raised", P("{type: number, minimum: 0}"), P("{type: number, minimum: 1}"), "bound-tightened", "B C B");
        yield return Case("minimum lowered", P("{type: number, minimum: 1}"), P("{type: number, minimum: 0}"), "bound-loosened", "C B B");
        yield return Case("maximum raised", P("{type: number, maximum: 100}"), P("{type: number, maximum: 1000}"), "bound-loosened", "C B B");
        yield return Case("maximum removed", P("{type: number, maximum: 100}"), P("{type: number}"), "bound-loosened", "C B B");
        yield return Case("exclusiveMinimum added", P("{type: number}"), P("{type: number, exclusiveMinimum: 0}"), "bound-tightened", "B C B");
        yield return Case("exclusiveMaximum lowered", P("{type: number, exclusiveMaximum: 10}"), P("{type: number, exclusiveMaximum: 5}"), "bound-tightened", "B C B");
        yield return Case("minItems lowered", P("{type: array, minItems: 1}"), P("{type: array, minItems: 0}"), "bound-loosened", "C B B");
        yield return Case("maxItems lowered", P("{type: array, maxItems: 10}"), P("{type: array, maxItems: 5}"), "bound-tightened", "B C B");
        yield return Case("minProperties added", P("{type: object}"), P("{type: object, minProperties: 1}"), "bound-tightened", "B C B");
        yield return Case("maxProperties raised", P("{type: object, maxProperties: 5}"), P("{type: object, maxProperties: 10}"), "bound-loosened", "C B B");
        yield return Case("range widened on both ends", P("{type: number, minimum: 0, maximum: 10}"), P("{type: number, minimum: -10, maximum: 20}"), "bound-loosened", "C B B");
        yield return Case("range shifted", P("{type: number, minimum: 0, maximum: 10}"), P("{type: number, minimum: 5, maximum: 20}"), "bound-loosened bound-tightened", "B B B");
        yield return Case("decimal maximum lowered", P("{type: number, maximum: 9.99}"), P("{type: number, maximum: 9.5}"), "bound-tightened", "B C B");

        // pattern (PATTERN_ADDED / _REMOVED / _CHANGED), format (Confluent ignores format; ContractKit enforces it).
        yield return Case("pattern added", P("{type: string}"), P("{type: string, pattern: '^[A-Z]{3}$'}"), "pattern-added", "B C B");
        yield return Case("pattern removed", P("{type: string, pattern: '^[A-Z]{3}$'}"), P("{type: string}"), "pattern-removed", "C B B");
        yield return Case("pattern changed", P("{type: string, pattern: '^[A-Z]{3}$'}"), P("{type: string, pattern: '^[A-Z]{2,3}$'}"), "pattern-changed", "B B B");
        yield return Case("format added", P("{type: string}"), P("{type: string, format: uuid}"), "format-added", "B C B");
        yield return Case("format removed", P("{type: string, format: email}"), P("{type: string}"), "format-removed", "C B B");
        yield return Case("format changed", P("{type: string, format: uuid}"), P("{type: string, format: email}"), "format-changed", "B B B");

        // multipleOf (MULTIPLE_OF_ADDED / _REMOVED / _EXPANDED / _REDUCED / _CHANGED), uniqueItems.
        yield return Case("multipleOf added", P("{type: integer}"), P("{type: integer, multipleOf: 5}"), "multiple-of-added", "B C B");
        yield return Case("multipleOf removed", P("{type: integer, multipleOf: 5}"), P("{type: integer}"), "multiple-of-removed", "C B B");
        yield return Case("multipleOf expanded 2 to 4", P("{type: integer, multipleOf: 2}"), P("{type: integer, multipleOf: 4}"), "multiple-of-expanded", "B C B");
        yield return Case("multipleOf reduced 4 to 2", P("{type: integer, multipleOf: 4}"), P("{type: integer, multipleOf: 2}"), "multiple-of-reduced", "C B B");
        yield return Case("multipleOf changed 2 to 3", P("{type: integer, multipleOf: 2}"), P("{type: integer, multipleOf: 3}"), "multiple-of-changed", "B B B");
        yield return Case("multipleOf reduced 0.5 to 0.25", P("{type: number, multipleOf: 0.5}"), P("{type: number, multipleOf: 0.25}"), "multiple-of-reduced", "C B B");
        yield return Case("uniqueItems added", P("{type: array}"), P("{type: array, uniqueItems: true}"), "unique-items-added", "B C B");
        yield return Case("uniqueItems removed", P("{type: array, uniqueItems: true}"), P("{type: array}"), "unique-items-removed", "C B B");

        // items, nested objects, tuples and other subschemas (SCHEMA_ADDED / SCHEMA_REMOVED).
        yield return Case("array items made nullable", P("{type: array, items: {type: string}}"), P("{type: array, items: {type: [string, 'null']}}"), "type-extended", "C B B");
        yield return Case("items schema added", P("{type: array}"), P("{type: array, items: {type: string}}"), "subschema-added", "B C B");
        yield return Case("items schema removed", P("{type: array, items: {type: string}}"), P("{type: array}"), "subschema-removed", "C B B");
        yield return Case("item object gains an optional property",
            P("{type: array, items: {type: object, additionalProperties: false, properties: {sku: {type: string}}}}"),
            P("{type: array, items: {type: object, additionalProperties: false, properties: {sku: {type: string}, note: {type: string}}}}"), "optional-property-added-closed-model", "C B B");
        yield return Case("nested object gains an optional property",
            P("{type: object, additionalProperties: false, properties: {x: {type: string}}}"),
            P("{type: object, additionalProperties: false, properties: {x: {type: string}, y: {type: string}}}"), "optional-property-added-closed-model", "C B B");
        yield return Case("nested property narrowed", P("{type: object, properties: {x: {type: [string, 'null']}}}"), P("{type: object, properties: {x: {type: string}}}"), "type-narrowed", "B C B");
        yield return Case("tuple item added", P("{type: array, prefixItems: [{type: string}]}"), P("{type: array, prefixItems: [{type: string}, {type: integer}]}"), "subschema-added", "B C B");
        yield return Case("tuple item narrowed", P("{type: array, prefixItems: [{type: number}]}"), P("{type: array, prefixItems: [{type: integer}]}"), "type-narrowed", "B C B");
        yield return Case("contains added", P("{type: array}"), P("{type: array, contains: {type: string}}"), "subschema-added", "B C B");
        yield return Case("not added", P("{type: string}"), P("{type: string, not: {enum: [x]}}"), "subschema-added", "B C B");
        yield return Case("not widened: a wider exclusion accepts less", P("{not: {type: string}}"), P("{not: {type: [string, 'null']}}"), "type-extended", "B C B");
        yield return Case("not narrowed: a narrower exclusion accepts more", P("{not: {type: [string, 'null']}}"), P("{not: {type: string}}"), "type-narrowed", "C B B");
        yield return Case("propertyNames removed", P("{type: object, propertyNames: {maxLength: 8}}"), P("{type: object}"), "subschema-removed", "C B B");

        // $ref'd schemas: compared through the reference, wherever it points.
        yield return Case("referenced definition narrowed",
            "{type: object, properties: {p: {$ref: '#/$defs/money'}}, $defs: {money: {type: number}}}",
            "{type: object, properties: {p: {$ref: '#/$defs/money'}}, $defs: {money: {type: integer}}}", "type-narrowed", "B C B");
        yield return Case("inline schema moved behind a $ref unchanged",
            "{type: object, properties: {p: {type: number, minimum: 0}}}",
            "{type: object, properties: {p: {$ref: '#/$defs/money'}}, $defs: {money: {type: number, minimum: 0}}}", "", "C C C");
        yield return Case("$ref renamed to an identical definition",
            "{type: object, properties: {p: {$ref: '#/$defs/a'}}, $defs: {a: {type: string}}}",
            "{type: object, properties: {p: {$ref: '#/$defs/b'}}, $defs: {b: {type: string}}}", "", "C C C");
        yield return Case("recursive tree narrowed deep inside",
            "{type: object, properties: {root: {$ref: '#/$defs/node'}}, $defs: {node: {type: object, properties: {name: {type: [string, 'null']}, children: {type: array, items: {$ref: '#/$defs/node'}}}}}}",
            "{type: object, properties: {root: {$ref: '#/$defs/node'}}, $defs: {node: {type: object, properties: {name: {type: string}, children: {type: array, items: {$ref: '#/$defs/node'}}}}}}", "type-narrowed", "B C B");
        yield return Case("$ref sibling keyword added",
            "{type: object, properties: {p: {$ref: '#/$defs/s'}}, $defs: {s: {type: string}}}",
            "{type: object, properties: {p: {$ref: '#/$defs/s', maxLength: 5}}, $defs: {s: {type: string}}}", "bound-tightened", "B C B");

        // oneOf / anyOf / allOf (SUM_TYPE_*, PRODUCT_TYPE_*, COMBINED_TYPE_*).
        yield return Case("oneOf gains an alternative", P("{oneOf: [{type: string}, {type: integer}]}"), P("{oneOf: [{type: string}, {type: integer}, {type: boolean}]}"), "sum-type-extended", "C B B");
        yield return Case("oneOf loses an alternative", P("{oneOf: [{type: string}, {type: integer}]}"), P("{oneOf: [{type: string}]}"), "sum-type-narrowed", "B C B");
        yield return Case("anyOf gains an alternative", P("{anyOf: [{type: string}]}"), P("{anyOf: [{type: string}, {type: 'null'}]}"), "sum-type-extended", "C B B");
        yield return Case("allOf gains a schema", P("{allOf: [{type: string}]}"), P("{allOf: [{type: string}, {maxLength: 5}]}"), "product-type-extended", "B C B");
        yield return Case("allOf loses a schema", P("{allOf: [{type: string}, {maxLength: 5}]}"), P("{allOf: [{type: string}]}"), "product-type-narrowed", "C B B");
        yield return Case("oneOf became anyOf", P("{oneOf: [{type: string}, {type: integer}]}"), P("{anyOf: [{type: string}, {type: integer}]}"), "combined-type-extended", "C B B");
        yield return Case("anyOf became oneOf", P("{anyOf: [{type: string}, {type: integer}]}"), P("{oneOf: [{type: string}, {type: integer}]}"), "combined-type-changed", "B B B");
        yield return Case("allOf became oneOf", P("{allOf: [{type: string}, {maxLength: 5}]}"), P("{oneOf: [{type: string}, {maxLength: 5}]}"), "combined-type-changed", "B B B");
        yield return Case("an alternative tightened inside oneOf", P("{oneOf: [{type: string, maxLength: 10}, {type: integer}]}"), P("{oneOf: [{type: string, maxLength: 5}, {type: integer}]}"), "bound-tightened", "B C B");
        yield return Case("oneOf alternatives reordered", P("{oneOf: [{type: string}, {type: integer}]}"), P("{oneOf: [{type: integer}, {type: string}]}"), "", "C C C");
        yield return Case("anyOf added", P("{type: string}"), P("{type: string, anyOf: [{maxLength: 5}, {pattern: '^x'}]}"), "product-type-extended", "B C B");
        yield return Case("anyOf removed", P("{type: string, anyOf: [{maxLength: 5}, {pattern: '^x'}]}"), P("{type: string}"), "product-type-narrowed", "C B B");

        // Annotations, PII and what diff does not reason about.
        yield return Case("description changed", P("{type: string, description: old}"), P("{type: string, description: new}"), "annotation-changed", "C C C");
        yield return Case("default changed", P("{type: string, default: a}"), P("{type: string, default: b}"), "annotation-changed", "C C C");
        yield return Case("x-pii marking removed (ContractKit: always flagged)", P("{type: string, x-pii: true}"), P("{type: string}"), "pii-marking-removed", "B B B");
        yield return Case("x-pii set to false (ContractKit: always flagged)", P("{type: string, x-pii: true}"), P("{type: string, x-pii: false}"), "pii-marking-removed", "B B B");
        yield return Case("x-pii marking added", P("{type: string}"), P("{type: string, x-pii: true}"), "pii-marking-added", "C C C");
        yield return Case("other x- annotation changed", P("{type: string, x-owner: a}"), P("{type: string, x-owner: b}"), "", "C C C");
        yield return Case("dependentRequired added counts as breaking", Closed("{a: {type: string}, b: {type: string}}"),
            "{type: object, additionalProperties: false, required: [], properties: {a: {type: string}, b: {type: string}}, dependentRequired: {a: [b]}}", "keyword-changed", "B B B");
        yield return Case("patternProperties changed counts as breaking",
            "{type: object, patternProperties: {'^x_': {type: string}}}", "{type: object, patternProperties: {'^x_': {type: integer}}}", "keyword-changed", "B B B");
        yield return Case("true schema became false", P("true"), P("false"), "type-narrowed", "B C B");
        yield return Case("identical schemas", P("{type: string, maxLength: 5}"), P("{type: string, maxLength: 5}"), "", "C C C");
    }

    [TestCaseSource(nameof(Cases))]
    public async Task Schema_change(string old, string @new, string rules, string effects)
    {
        var diff = await DiffHarness.DiffAsync(Template.Replace("SCHEMA", old, StringComparison.Ordinal), Template.Replace("SCHEMA", @new, StringComparison.Ordinal));
        Assert.Multiple(() =>
        {
            Assert.That(DiffHarness.Rules(diff), Is.EqualTo(string.Join(' ', rules.Split(' ', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal))), DiffHarness.Describe(diff));
            Assert.That(DiffHarness.Effects(diff), Is.EqualTo(effects), DiffHarness.Describe(diff));
        });
    }

    [Test]
    public void There_are_at_least_80_schema_cases() => Assert.That(Cases().Count(), Is.GreaterThanOrEqualTo(80));

    [Test]
    public void Every_schema_rule_has_a_case()
    {
        var covered = Cases().SelectMany(c => ((string)c.Arguments[2]!).Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToHashSet();
        var missing = ChangeRules.All.Where(r => r.Area == ChangeArea.Schema && !covered.Contains(r.Id)).Select(r => r.Id);
        Assert.That(missing, Is.Empty);
    }
}
