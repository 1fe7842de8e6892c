using System.Collections.Immutable;
using System.Text;

namespace ContractKit.Contracts.Secrets;

/// <summary>
/// A configuration string that may contain secret references, such as
/// <c>https://${env:API_HOST}/v1</c> or <c>${env:PAYMENTS_DB}</c>. It holds the template only;
/// <see cref="ISecretResolver"/> turns it into a <see cref="Secret"/> when a probe or simulator needs it.
/// </summary>
public sealed class SecretText
{
    private SecretText(string template, ImmutableArray<object> parts)
    {
        Template = template;
        Parts = parts;
    }

    /// <summary>The text as written, references unresolved.</summary>
    public string Template { get; }

    /// <summary>Literal pieces (<see cref="string"/>) and references (<see cref="SecretRef"/>) in order.</summary>
    public ImmutableArray<object> Parts { get; }

    /// <summary>The references in the text.</summary>
    public IEnumerable<SecretRef> References => Parts.OfType<SecretRef>();

    /// <summary>True when the text holds at least one reference.</summary>
    public bool HasReferences => Parts.Any(p => p is SecretRef);

    /// <summary>True when the text is exactly one reference and nothing else.</summary>
    public bool IsSingleReference => Parts.Length == 1 && Parts[0] is SecretRef;

    /// <summary>A text with no references.</summary>
    public static SecretText Literal(string text) => new(text, text.Length == 0 ? [] : [text]);

    /// <summary>Parses a template; every <c>${</c> starts a reference.</summary>
    /// <param name="text">The text to parse.</param>
    /// <param name="value">The template, when well-formed.</param>
    /// <param name="error">Why a reference in it is malformed.</param>
    /// <param name="errorOffset">Where in <paramref name="text"/> the malformed reference starts.</param>
    public static bool TryParse(string text, out SecretText? value, out string? error, out int errorOffset)
    {
        value = null;
        errorOffset = 0;
        var parts = ImmutableArray.CreateBuilder<object>();
        var literal = new StringBuilder();
        var i = 0;
        while (i < text.Length)
        {
            var start = text.IndexOf("${", i, StringComparison.Ordinal);
            if (start < 0)
            {
                literal.Append(text, i, text.Length - i);
                break;
            }

            literal.Append(text, i, start - i);
            var end = text.IndexOf('}', start);
            if (end < 0)
            {
                errorOffset = start;
                error = "this ${ is never closed: write ${env:NAME} or ${file:path}";
                return false;
            }

            if (!SecretRef.TryParseBody(text[(start + 2)..end], out var reference, out error))
            {
                errorOffset = start;
                return false;
            }

            if (literal.Length > 0)
            {
                parts.Add(literal.ToString());
                literal.Clear();
            }

            parts.Add(reference!);
            i = end + 1;
        }

        if (literal.Length > 0)
        {
            parts.Add(literal.ToString());
        }

        value = new SecretText(text, parts.ToImmutable());
        error = null;
        return true;
    }

    /// <summary>Parses or throws <see cref="FormatException"/>; for code and tests, not user input.</summary>
    public static SecretText Parse(string text) =>
        TryParse(text, out var value, out var error, out _) ? value! : throw new FormatException(error);

    /// <summary>The template, with references as written: never a secret value.</summary>
    public override string ToString() => Template;
}
