using ContractKit.Contracts.Diagnostics;
using ContractKit.Contracts.Documents;
using ContractKit.Contracts.Secrets;

namespace ContractKit.Contracts.Loading;

/// <summary>Parses text into a domain value, or says why it cannot.</summary>
internal delegate bool ValueParser<T>(string text, out T value, out string? error);

/// <summary>
/// What binders share while turning one document into a contract: the findings so far, and the
/// places the structural check already reported, which binders skip so nothing is reported twice.
/// Readers return null for a value that is absent, of the wrong type or already reported.
/// </summary>
internal sealed class BindContext(SourceDocument document, IReadOnlySet<string> broken, List<Diagnostic> diagnostics)
{
    public SourceDocument Document => document;

    public List<Diagnostic> Diagnostics => diagnostics;

    public void Error(Rule rule, DocumentNode node, string message, string? hint = null) =>
        Error(rule, node.Span, message, hint);

    public void Error(Rule rule, SourceSpan span, string message, string? hint = null) =>
        diagnostics.Add(Diagnostic.Create(rule, span, message, hint));

    /// <summary>True when the structural check reported something at or inside <paramref name="node"/>.</summary>
    public bool IsBroken(DocumentNode node)
    {
        foreach (var pointer in broken)
        {
            if (JsonPointer.IsWithin(pointer, node.Pointer))
            {
                return true;
            }
        }

        return false;
    }

    private ScalarNode? Scalar(MappingNode? mapping, string key, ScalarKind kind) =>
        mapping?[key] is ScalarNode scalar && scalar.Kind == kind && !IsBroken(scalar) ? scalar : null;

    public string? Text(MappingNode? mapping, string key) => Scalar(mapping, key, ScalarKind.String)?.Text;

    public bool? Boolean(MappingNode? mapping, string key) =>
        Scalar(mapping, key, ScalarKind.Boolean) is { } scalar ? scalar.Text is "true" or "True" or "TRUE" : null;

    public long? Integer(MappingNode? mapping, string key) =>
        Scalar(mapping, key, ScalarKind.Integer) is { } scalar && scalar.TryGetDecimal(out var value) && value is >= long.MinValue and <= long.MaxValue
            ? (long)value
            : null;

    public decimal? Number(MappingNode? mapping, string key) =>
        mapping?[key] is ScalarNode { IsNumber: true } scalar && !IsBroken(scalar) && scalar.TryGetDecimal(out var value) ? value : null;

    public static MappingNode? Mapping(MappingNode? mapping, string key) =>
        mapping?[key] is MappingNode child ? child : null;

    public static SequenceNode? Sequence(MappingNode? mapping, string key) =>
        mapping?[key] is SequenceNode child ? child : null;

    /// <summary>Parses a string value with a domain parser; a parse failure is reported under <paramref name="rule"/>.</summary>
    public T? Value<T>(MappingNode? mapping, string key, ValueParser<T> parse, Rule rule)
        where T : struct =>
        mapping?[key] is { } node ? Value(node, parse, rule) : null;

    public T? Value<T>(DocumentNode node, ValueParser<T> parse, Rule rule)
        where T : struct =>
        TryParse(node, parse, rule, out var value) ? value : null;

    /// <summary>Like <see cref="Value{T}(MappingNode?, string, ValueParser{T}, Rule)"/>, for reference types.</summary>
    public T? Object<T>(MappingNode? mapping, string key, ValueParser<T?> parse, Rule rule)
        where T : class =>
        mapping?[key] is { } node ? Object(node, parse, rule) : null;

    public T? Object<T>(DocumentNode node, ValueParser<T?> parse, Rule rule)
        where T : class =>
        TryParse(node, parse, rule, out var value) ? value : null;

    private bool TryParse<T>(DocumentNode node, ValueParser<T> parse, Rule rule, out T value)
    {
        value = default!;
        if (node is not ScalarNode { Kind: ScalarKind.String } scalar || IsBroken(node))
        {
            return false;
        }

        if (parse(scalar.Text, out value, out var error))
        {
            return true;
        }

        Error(rule, node, error!);
        return false;
    }

    /// <summary>Reads a value that may hold secret references; <paramref name="referenceOnly"/> demands exactly one reference.</summary>
    public SecretText? Secret(MappingNode? mapping, string key, bool referenceOnly) =>
        mapping?[key] is { } node ? Secret(node, referenceOnly) : null;

    public SecretText? Secret(DocumentNode node, bool referenceOnly)
    {
        if (node is not ScalarNode { Kind: ScalarKind.String } scalar || IsBroken(node))
        {
            return null;
        }

        if (!SecretText.TryParse(scalar.Text, out var text, out var error, out _))
        {
            Error(Rules.InvalidSecretRef, node, error!);
            return null;
        }

        if (referenceOnly && !text!.IsSingleReference)
        {
            // Never echo the text: it may be the secret itself.
            Error(Rules.SecretInFile, node, text.HasReferences
                ? $"{StructuralCheck.Describe(node.Pointer)} must be exactly one reference, with nothing around it"
                : $"{StructuralCheck.Describe(node.Pointer)} holds a literal value; secrets are only ever written as references (the value is not shown)");
            return null;
        }

        return text;
    }

    /// <summary>An enum value written in camelCase (<c>modifiedTime</c>) or lowercase (<c>slack</c>).</summary>
    public TEnum? Enum<TEnum>(MappingNode? mapping, string key)
        where TEnum : struct, System.Enum =>
        Text(mapping, key) is { } text && System.Enum.TryParse<TEnum>(text, ignoreCase: true, out var value) ? value : null;
}
