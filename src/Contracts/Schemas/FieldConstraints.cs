using ContractKit.Contracts.Documents;

namespace ContractKit.Contracts.Schemas;

/// <summary>The value rules of one field's schema, in words for the docs' field table.</summary>
internal static class FieldConstraints
{
    private static readonly (string Keyword, string Words)[] Simple =
    [
        ("minimum", "≥ {0}"), ("exclusiveMinimum", "> {0}"), ("maximum", "≤ {0}"), ("exclusiveMaximum", "< {0}"),
        ("minLength", "at least {0} characters"), ("maxLength", "at most {0} characters"),
        ("minItems", "at least {0} items"), ("maxItems", "at most {0} items"),
        ("minProperties", "at least {0} properties"), ("maxProperties", "at most {0} properties"),
        ("multipleOf", "multiple of {0}"), ("pattern", "matches {0}"), ("const", "always {0}"),
    ];

    public static IEnumerable<string> Of(MappingNode schema)
    {
        foreach (var (keyword, words) in Simple)
        {
            if (schema[keyword] is ScalarNode value)
            {
                yield return string.Format(System.Globalization.CultureInfo.InvariantCulture, words, value.Text);
            }
        }

        if (schema["uniqueItems"] is ScalarNode { Kind: ScalarKind.Boolean } unique && ScalarResolver.IsTrue(unique.Text))
        {
            yield return "unique items";
        }

        if (schema["enum"] is SequenceNode values)
        {
            yield return "one of " + string.Join(", ", values.Items.Select(v => v is ScalarNode s ? s.Text : v.JsonTypeName));
        }

        if (schema["additionalProperties"] is ScalarNode { Kind: ScalarKind.Boolean } closed && !ScalarResolver.IsTrue(closed.Text))
        {
            yield return "no other properties";
        }
    }

    public static string? ExampleOf(MappingNode schema) =>
        schema["examples"] is SequenceNode { Items.Length: > 0 } examples ? Text(examples.Items[0])
        : schema["default"] is { } value ? Text(value)
        : null;

    private static string Text(DocumentNode node) => node is ScalarNode scalar ? scalar.Text : node.ToJsonElement().GetRawText();
}
