using System.Globalization;
using System.Text.Json;
using ContractKit.Contracts.Diagnostics;
using ContractKit.Contracts.Documents;
using ContractKit.Contracts.Secrets;
using ContractKit.Contracts.Values;
using Json.Schema;
using Duration = ContractKit.Contracts.Values.Duration;

namespace ContractKit.Contracts.Loading;

/// <summary>
/// Checks a contract against the format's JSON Schema and turns each failure into one precise
/// finding: the key or value it is about, a message in the contract's terms and a fix.
/// </summary>
internal static class StructuralCheck
{
    private delegate string? Explainer(string text);

    // Values whose $def has a pattern are parsed by their domain type, so a pattern failure gets
    // the same message as the parser would give.
    private static readonly Dictionary<string, (Rule Rule, Explainer Explain)> ValueTypes = new(StringComparer.Ordinal)
    {
        ["duration"] = (Rules.InvalidDuration, t => Duration.TryParse(t, out _, out var e) ? null : e),
        ["percentage"] = (Rules.InvalidPercentage, t => Percentage.TryParse(t, out _, out var e) ? null : e),
        ["semver"] = (Rules.InvalidVersion, t => SemVersion.TryParse(t, out _, out var e) ? null : e),
        ["rate"] = (Rules.InvalidRate, t => Rate.TryParse(t, out _, out var e) ? null : e),
        ["size"] = (Rules.InvalidSize, t => ByteSize.TryParse(t, out _, out var e) ? null : e),
        ["jsonPath"] = (Rules.InvalidJsonPath, t => JsonPath.TryParse(t, out _, out var e) ? null : e),
        ["tableName"] = (Rules.InvalidTableName, t => TableName.TryParse(t, out _, out var e) ? null : e),
    };

    private static readonly HashSet<string> SecretDefs = ["secretRef", "secretText"];

    // Most contracts are valid: a cheap pass/fail evaluation first (FormatSchema.Quick), the
    // detailed one only on failure.
    private static readonly EvaluationOptions Detailed = new() { OutputFormat = OutputFormat.Hierarchical };

    /// <summary>Checks the document; returns findings and the pointers they are about.</summary>
    public static (List<Diagnostic> Diagnostics, HashSet<string> Broken) Run(SourceDocument document)
    {
        if (NotAContract(document) is { } foreign)
        {
            return ([foreign], [JsonPointer.Root]);
        }

        var format = FormatSchema.Instance;
        var json = document.Root.ToJsonElement();
        var diagnostics = new List<Diagnostic>();
        var broken = new HashSet<string>(StringComparer.Ordinal);
        if (format.Quick.IsValid(json))
        {
            return (diagnostics, broken);
        }

        var results = format.Schema.Evaluate(json, Detailed);

        var seen = new HashSet<(string, string)>();
        foreach (var result in Validation.Fallback.JsonSchemaNetOutput.FailedLeaves(results))
        {
            var evaluationPath = JsonPointer.Parse(result.EvaluationPath.ToString()) ?? [];

            // A failed "if" only selects a branch; a failed branch of anyOf is explained by anyOf itself.
            if (evaluationPath.Contains("if") || IsInsideCombinator(evaluationPath))
            {
                continue;
            }

            var instance = result.InstanceLocation.ToString();
            foreach (var (keyword, message) in result.Errors ?? new Dictionary<string, string>())
            {
                if (!seen.Add((instance, keyword)))
                {
                    continue;
                }

                var walk = Walk(format.Raw, evaluationPath);
                foreach (var diagnostic in Explain(document, instance, keyword, message, walk))
                {
                    diagnostics.Add(diagnostic.Diagnostic);
                    broken.Add(diagnostic.Pointer);
                }
            }
        }

        return (diagnostics, broken);
    }

    /// <summary>
    /// A file without <c>apiVersion: contractkit/v1</c> is some other document: one finding says
    /// so, instead of one per missing key.
    /// </summary>
    private static Diagnostic? NotAContract(SourceDocument document)
    {
        var root = (MappingNode)document.Root;
        return root.Entry("apiVersion") switch
        {
            null => Diagnostic.Create(Rules.MissingKey, root.Span,
                "this is not a ContractKit contract: it has no apiVersion", "a contract starts with apiVersion: contractkit/v1"),
            { Value: ScalarNode { Text: Model.Contract.ApiVersion } } => null,
            { Value: ScalarNode other } entry => Diagnostic.Create(Rules.InvalidValue, entry.Value.Span,
                $"apiVersion '{other.Text}' is not a format ContractKit reads{(root["kind"] is ScalarNode { Text: "DataContract" } ? " (this looks like an Open Data Contract Standard file)" : "")}",
                "write apiVersion: contractkit/v1"),
            { } entry => Diagnostic.Create(Rules.WrongType, entry.Value.Span, "apiVersion must be the string contractkit/v1", "write apiVersion: contractkit/v1"),
        };
    }

    private static bool IsInsideCombinator(IReadOnlyList<string> path)
    {
        for (var i = 0; i < path.Count - 1; i++)
        {
            if (path[i] is "anyOf" or "oneOf" && i + 1 < path.Count - 1)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Where an evaluation path leads in the schema: the failing subschema, its parent and the $def it belongs to.</summary>
    private sealed record SchemaWalk(JsonElement? Node, JsonElement? Parent, string? Definition);

    private static SchemaWalk Walk(JsonElement root, IReadOnlyList<string> path)
    {
        JsonElement? parent = null;
        var current = root;
        string? definition = null;
        string? previous = null;
        foreach (var token in path)
        {
            JsonElement next;
            if (token == "$ref" && current.ValueKind == JsonValueKind.Object && current.TryGetProperty("$ref", out var reference) &&
                reference.GetString() is { } target && target.StartsWith("#/$defs/", StringComparison.Ordinal))
            {
                definition = target["#/$defs/".Length..];
                next = root.GetProperty("$defs").GetProperty(definition);
            }
            else if (current.ValueKind == JsonValueKind.Object && current.TryGetProperty(token, out var property))
            {
                next = property;
            }
            else if (current.ValueKind == JsonValueKind.Array && int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < current.GetArrayLength())
            {
                next = current[index];
            }
            else if (token == previous)
            {
                // JsonSchema.Net repeats "items" in evaluation paths; the repeat names no schema.
                continue;
            }
            else
            {
                return new SchemaWalk(null, null, definition);
            }

            parent = current;
            current = next;
            previous = token;
        }

        return new SchemaWalk(current, parent, definition);
    }

    private sealed record Finding(Diagnostic Diagnostic, string Pointer);

    private static IEnumerable<Finding> Explain(SourceDocument document, string pointer, string keyword, string libraryMessage, SchemaWalk walk)
    {
        var node = document.Find(pointer);
        var span = document.SpanOf(pointer);
        var name = Describe(pointer);
        var schema = walk.Node;
        var secret = walk.Definition is not null && SecretDefs.Contains(walk.Definition);

        switch (keyword)
        {
            case "" or "false" when walk.Parent is { ValueKind: JsonValueKind.Object } objectSchema:
                {
                    // additionalProperties: false rejected a key.
                    var key = JsonPointer.Parse(pointer)?[^1] ?? pointer;
                    var allowed = objectSchema.TryGetProperty("properties", out var properties)
                        ? properties.EnumerateObject().Select(p => p.Name).ToList()
                        : [];
                    var parentName = Describe(pointer[..pointer.LastIndexOf('/')]);
                    var closest = Suggestions.Closest(key, allowed);
                    var hint = closest is not null
                        ? $"did you mean '{closest}'?"
                        : allowed.Count > 0 ? $"{parentName} takes: {string.Join(", ", allowed)}" : "remove the key";
                    yield return new Finding(Diagnostic.Create(Rules.UnknownKey, document.KeySpanOf(pointer) ?? span,
                        $"'{key}' is not a key of {parentName}", hint), pointer);
                    yield break;
                }

            case "required" when schema?.TryGetProperty("required", out var required) == true && node is MappingNode mapping:
                foreach (var missing in required.EnumerateArray().Select(r => r.GetString()!).Where(k => mapping[k] is null))
                {
                    // "titel:" for "title:" is one mistake: the unknown-key finding names the fix.
                    var known = schema.Value.TryGetProperty("properties", out var declared) ? declared.EnumerateObject().Select(p => p.Name).ToList() : [];
                    if (mapping.Entries.Any(e => !known.Contains(e.Key) && Suggestions.Closest(e.Key, known) == missing))
                    {
                        continue;
                    }

                    yield return new Finding(Diagnostic.Create(Rules.MissingKey, span,
                        $"{name} has no '{missing}'; it is required", $"add '{missing}:' to {name}"), pointer);
                }

                yield break;

            case "type" when walk.Definition is { } valueDefinition && ValueTypes.TryGetValue(valueDefinition, out var valueType) && node is ScalarNode { Kind: not ScalarKind.Null } typed:
                // "warn: 15" or "version: 1.0": a value of the domain type with a part missing.
                yield return new Finding(Diagnostic.Create(valueType.Rule, span, valueType.Explain(typed.Text) ?? $"{name} is not valid"), pointer);
                yield break;

            case "type":
                {
                    var expected = schema?.TryGetProperty("type", out var type) == true
                        ? type.ValueKind == JsonValueKind.Array ? string.Join(" or ", type.EnumerateArray().Select(t => t.GetString())) : type.GetString()
                        : "another type";
                    var actual = node?.JsonTypeName ?? "nothing";
                    var shown = !secret && node is ScalarNode { Text.Length: > 0 and < 60 } scalar ? $" ({scalar.Text})" : "";
                    var hint = Hints.ForType(walk.Definition, expected);
                    yield return new Finding(Diagnostic.Create(Rules.WrongType, span,
                        $"{name} must be {Article(expected!)}, not {Article(actual)}{shown}", hint), pointer);
                    yield break;
                }

            case "pattern" when node is ScalarNode text:
                if (walk.Definition is { } definition && ValueTypes.TryGetValue(definition, out var value))
                {
                    yield return new Finding(Diagnostic.Create(value.Rule, span,
                        value.Explain(text.Text) ?? $"{name} is not valid"), pointer);
                    yield break;
                }

                if (walk.Definition == "secretRef")
                {
                    yield return new Finding(SecretProblem(span, name, text.Text), pointer);
                    yield break;
                }

                yield return new Finding(Diagnostic.Create(Rules.InvalidValue, span,
                    $"{name} '{text.Text}' is not valid: {DescriptionOf(schema, walk.Parent) ?? "it does not match " + PatternOf(schema)}"), pointer);
                yield break;

            case "const" when schema?.TryGetProperty("const", out var constant) == true:
                yield return new Finding(Diagnostic.Create(Rules.InvalidValue, span,
                    $"{name} must be '{constant}'{(node is ScalarNode s ? $", not '{s.Text}'" : "")}", $"write {constant}"), pointer);
                yield break;

            case "enum" when schema?.TryGetProperty("enum", out var values) == true:
                {
                    var allowed = values.EnumerateArray().Select(v => v.ToString()).ToList();
                    var actual = node is ScalarNode enumNode ? enumNode.Text : node?.JsonTypeName ?? "";
                    var closest = Suggestions.Closest(actual, allowed);
                    yield return new Finding(Diagnostic.Create(Rules.InvalidValue, span,
                        $"{name} '{actual}' is not one of: {string.Join(", ", allowed)}",
                        closest is not null ? $"did you mean '{closest}'?" : $"use one of: {string.Join(", ", allowed)}"), pointer);
                    yield break;
                }

            case "anyOf" or "oneOf":
                yield return new Finding(Diagnostic.Create(Rules.InvalidValue, span,
                    $"{name}{(node is ScalarNode s2 && !secret ? $" '{s2.Text}'" : "")} is not valid: {DescriptionOf(schema, walk.Parent) ?? "it matches none of the allowed forms"}"), pointer);
                yield break;

            case "minimum" or "exclusiveMinimum" or "maximum" or "exclusiveMaximum" when schema?.TryGetProperty(keyword, out var bound) == true:
                {
                    var relation = keyword switch
                    {
                        "minimum" => "at least",
                        "exclusiveMinimum" => "more than",
                        "maximum" => "at most",
                        _ => "less than",
                    };
                    var shown = node is ScalarNode boundNode ? $" ({boundNode.Text})" : "";
                    yield return new Finding(Diagnostic.Create(Rules.InvalidValue, span,
                        $"{name} must be {relation} {bound}{shown}", $"use a value {relation} {bound}"), pointer);
                    yield break;
                }

            case "minItems" when schema?.TryGetProperty("minItems", out var minItems) == true:
                yield return new Finding(Diagnostic.Create(Rules.InvalidValue, span,
                    $"{name} needs at least {minItems} item{(minItems.GetInt32() == 1 ? "" : "s")}", "add an item"), pointer);
                yield break;

            case "minLength":
                yield return new Finding(Diagnostic.Create(Rules.InvalidValue, span, $"{name} must not be empty", "write a value"), pointer);
                yield break;

            case "maxLength" when schema?.TryGetProperty("maxLength", out var maxLength) == true:
                yield return new Finding(Diagnostic.Create(Rules.InvalidValue, span,
                    $"{name} is longer than {maxLength} characters", "shorten it"), pointer);
                yield break;

            case "minProperties" or "maxProperties":
                yield return new Finding(Diagnostic.Create(Rules.InvalidValue, span,
                    $"{name} is not valid: {DescriptionOf(schema, walk.Parent) ?? libraryMessage}", keyword == "minProperties" ? "add one of its keys" : "keep only one of its keys"), pointer);
                yield break;

            case "uniqueItems":
                yield return new Finding(Diagnostic.Create(Rules.InvalidValue, span,
                    $"{name} lists the same item twice", "remove the repeated item"), pointer);
                yield break;

            case "format" when schema?.TryGetProperty("format", out var format) == true:
                yield return new Finding(Diagnostic.Create(Rules.InvalidValue, span,
                    $"{name} '{(node as ScalarNode)?.Text}' is not a valid {format}", $"write a valid {format}"), pointer);
                yield break;

            default:
                yield return new Finding(Diagnostic.Create(Rules.InvalidValue, span,
                    $"{name} is not valid: {libraryMessage.TrimEnd('.')}"), pointer);
                yield break;
        }
    }

    private static Diagnostic SecretProblem(SourceSpan span, string name, string text)
    {
        // The text may be the secret itself: describe it, never echo it.
        if (!text.Contains("${", StringComparison.Ordinal))
        {
            return Diagnostic.Create(Rules.SecretInFile, span,
                $"{name} holds a literal value; secrets are only ever written as references (the value is not shown)");
        }

        return SecretText.TryParse(text, out _, out var error, out _)
            ? Diagnostic.Create(Rules.InvalidSecretRef, span,
                $"{name} must be exactly one reference, with nothing around it", "write only ${env:NAME} and put the rest in the variable")
            : Diagnostic.Create(Rules.InvalidSecretRef, span, error!);
    }

    private static string? DescriptionOf(JsonElement? schema, JsonElement? parent)
    {
        foreach (var candidate in new[] { schema, parent })
        {
            if (candidate is { ValueKind: JsonValueKind.Object } s && s.TryGetProperty("description", out var description))
            {
                return description.GetString()!.TrimEnd('.');
            }
        }

        return null;
    }

    private static string PatternOf(JsonElement? schema) =>
        schema is { ValueKind: JsonValueKind.Object } s && s.TryGetProperty("pattern", out var pattern) ? pattern.GetString()! : "the expected form";

    private static string Article(string noun) =>
        noun.StartsWith("array", StringComparison.Ordinal) || noun.StartsWith("object", StringComparison.Ordinal) || noun.StartsWith("integer", StringComparison.Ordinal)
            ? "an " + noun
            : noun is "null" or "nothing" ? noun : "a " + noun;

    /// <summary>How a pointer reads in a message: <c>'freshness.warn' in datasets[0]</c>.</summary>
    internal static string Describe(string pointer)
    {
        var tokens = JsonPointer.Parse(pointer) ?? [];
        if (tokens.Count == 0)
        {
            return "the contract";
        }

        var text = new System.Text.StringBuilder();
        foreach (var token in tokens)
        {
            if (int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out _))
            {
                text.Append('[').Append(token).Append(']');
            }
            else
            {
                if (text.Length > 0)
                {
                    text.Append('.');
                }

                text.Append(token);
            }
        }

        return $"'{text}'";
    }

    private static class Hints
    {
        public static string ForType(string? definition, string? expected) => definition switch
        {
            "duration" => "write a duration such as 15m",
            "percentage" => "write a percentage such as 99.9%",
            "semver" => "write a version such as 1.0.0 (quote it if YAML reads it as a number)",
            "rate" => "write a rate such as 200/h",
            "size" => "write a size such as 64MB",
            "secretRef" or "secretText" => "write a reference such as \"${env:NAME}\" (quoted inside { })",
            _ => $"write {Article(expected ?? "value")}",
        };
    }
}
