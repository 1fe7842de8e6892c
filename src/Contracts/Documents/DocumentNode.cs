using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;

namespace ContractKit.Contracts.Documents;

/// <summary>
/// One node of a loaded YAML or JSON document, with the place it was written. The tree keeps what
/// the contract said, before any interpretation, so diagnostics and diffs can point back at it.
/// </summary>
public abstract class DocumentNode
{
    private protected DocumentNode(SourceSpan span, string pointer)
    {
        Span = span;
        Pointer = pointer;
    }

    /// <summary>Where the node is written.</summary>
    public SourceSpan Span { get; }

    /// <summary>The JSON Pointer of the node inside its document.</summary>
    public string Pointer { get; }

    /// <summary>The JSON type name of the node (<c>object</c>, <c>array</c>, <c>string</c>, …), as messages name it.</summary>
    public abstract string JsonTypeName { get; }

    /// <summary>Writes the node as JSON.</summary>
    public abstract void WriteTo(Utf8JsonWriter writer);

    /// <summary>The node as a standalone JSON element.</summary>
    public JsonElement ToJsonElement()
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            WriteTo(writer);
        }

        using var document = JsonDocument.Parse(buffer.WrittenMemory);
        return document.RootElement.Clone();
    }
}

/// <summary>One <c>key: value</c> entry of a mapping; the key keeps its own position.</summary>
/// <param name="Key">The key text.</param>
/// <param name="KeySpan">Where the key is written (unknown-key findings point here).</param>
/// <param name="Value">The value.</param>
public sealed record MappingEntry(string Key, SourceSpan KeySpan, DocumentNode Value);

/// <summary>A YAML mapping or JSON object. Keys are unique: the reader rejects duplicates.</summary>
public sealed class MappingNode : DocumentNode
{
    private readonly Dictionary<string, MappingEntry> _byKey;

    internal MappingNode(SourceSpan span, string pointer, ImmutableArray<MappingEntry> entries)
        : base(span, pointer)
    {
        Entries = entries;
        _byKey = new Dictionary<string, MappingEntry>(entries.Length, StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            _byKey[entry.Key] = entry;
        }
    }

    /// <summary>The entries in the order they are written.</summary>
    public ImmutableArray<MappingEntry> Entries { get; }

    /// <inheritdoc />
    public override string JsonTypeName => "object";

    /// <summary>The value of <paramref name="key"/>, or null when the key is absent.</summary>
    public DocumentNode? this[string key] => _byKey.TryGetValue(key, out var entry) ? entry.Value : null;

    /// <summary>The entry of <paramref name="key"/>, or null when absent.</summary>
    public MappingEntry? Entry(string key) => _byKey.GetValueOrDefault(key);

    /// <inheritdoc />
    public override void WriteTo(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        foreach (var entry in Entries)
        {
            writer.WritePropertyName(entry.Key);
            entry.Value.WriteTo(writer);
        }

        writer.WriteEndObject();
    }
}

/// <summary>A YAML sequence or JSON array.</summary>
public sealed class SequenceNode : DocumentNode
{
    internal SequenceNode(SourceSpan span, string pointer, ImmutableArray<DocumentNode> items)
        : base(span, pointer) => Items = items;

    /// <summary>The items in order.</summary>
    public ImmutableArray<DocumentNode> Items { get; }

    /// <inheritdoc />
    public override string JsonTypeName => "array";

    /// <inheritdoc />
    public override void WriteTo(Utf8JsonWriter writer)
    {
        writer.WriteStartArray();
        foreach (var item in Items)
        {
            item.WriteTo(writer);
        }

        writer.WriteEndArray();
    }
}

/// <summary>The JSON type a scalar resolves to under the YAML 1.2 core schema.</summary>
public enum ScalarKind
{
    /// <summary><c>null</c>, <c>~</c> or nothing.</summary>
    Null,

    /// <summary><c>true</c> or <c>false</c>.</summary>
    Boolean,

    /// <summary>A whole number.</summary>
    Integer,

    /// <summary>A number with a fraction or exponent.</summary>
    Float,

    /// <summary>Anything else, and every quoted scalar.</summary>
    String,
}

/// <summary>A scalar: its text as written and the type YAML 1.2 gives it.</summary>
public sealed class ScalarNode : DocumentNode
{
    internal ScalarNode(SourceSpan span, string pointer, string text, ScalarKind kind)
        : base(span, pointer)
    {
        Text = text;
        Kind = kind;
    }

    /// <summary>The scalar's text after YAML unescaping (for a string, its value).</summary>
    public string Text { get; }

    /// <summary>The resolved type.</summary>
    public ScalarKind Kind { get; }

    /// <inheritdoc />
    public override string JsonTypeName => Kind switch
    {
        ScalarKind.Null => "null",
        ScalarKind.Boolean => "boolean",
        ScalarKind.Integer => "integer",
        ScalarKind.Float => "number",
        _ => "string",
    };

    /// <summary>True when the scalar is a number (integer or float).</summary>
    public bool IsNumber => Kind is ScalarKind.Integer or ScalarKind.Float;

    /// <inheritdoc />
    public override void WriteTo(Utf8JsonWriter writer)
    {
        switch (Kind)
        {
            case ScalarKind.Null:
                writer.WriteNullValue();
                break;
            case ScalarKind.Boolean:
                writer.WriteBooleanValue(ScalarResolver.IsTrue(Text));
                break;
            case ScalarKind.Integer or ScalarKind.Float when ScalarResolver.TryGetJsonNumber(Text, out var json):
                writer.WriteRawValue(json, skipInputValidation: true);
                break;
            default:
                // .inf and .nan have no JSON form; they stay text and fail any number check.
                writer.WriteStringValue(Text);
                break;
        }
    }

    /// <summary>The value as a decimal when the scalar is a number that fits.</summary>
    public bool TryGetDecimal(out decimal value)
    {
        value = 0;
        return IsNumber && ScalarResolver.TryGetJsonNumber(Text, out var json) &&
               decimal.TryParse(json, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
    }
}
