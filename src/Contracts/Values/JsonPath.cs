using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;

namespace ContractKit.Contracts.Values;

/// <summary>
/// A simple JSONPath that names one place in a response body: <c>$</c>, <c>$.data</c>,
/// <c>$.meta.next</c>, <c>$['odd key']</c>, <c>$.pages[0]</c>. No filters or wildcards: a contract
/// names exactly where its records and cursors are.
/// </summary>
public sealed class JsonPath
{
    private JsonPath(string text, ImmutableArray<object> steps)
    {
        Text = text;
        Steps = steps;
    }

    /// <summary>The path as written.</summary>
    public string Text { get; }

    /// <summary>Each step: a property name (<see cref="string"/>) or an array index (<see cref="int"/>).</summary>
    public ImmutableArray<object> Steps { get; }

    /// <summary>Parses a path.</summary>
    /// <param name="text">The text to parse.</param>
    /// <param name="value">The path, when the text is one.</param>
    /// <param name="error">Why the text is not a supported path.</param>
    public static bool TryParse(string text, out JsonPath? value, out string? error)
    {
        value = null;
        error = $"'{text}' is not a supported JSONPath: write $ or $.name.name (use $['name'] for odd names, [0] for an index)";
        if (text.Length == 0 || text[0] != '$')
        {
            return false;
        }

        var steps = ImmutableArray.CreateBuilder<object>();
        var i = 1;
        while (i < text.Length)
        {
            if (text[i] == '.')
            {
                var start = ++i;
                while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] is '_' or '-'))
                {
                    i++;
                }

                if (i == start)
                {
                    return false;
                }

                steps.Add(text[start..i]);
            }
            else if (text[i] == '[' && i + 1 < text.Length && text[i + 1] == '\'')
            {
                var end = text.IndexOf("']", i + 2, StringComparison.Ordinal);
                if (end < 0)
                {
                    return false;
                }

                steps.Add(text[(i + 2)..end]);
                i = end + 2;
            }
            else if (text[i] == '[')
            {
                var end = text.IndexOf(']', i);
                if (end < 0 || !int.TryParse(text.AsSpan(i + 1, end - i - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var index))
                {
                    return false;
                }

                steps.Add(index);
                i = end + 1;
            }
            else
            {
                return false;
            }
        }

        value = new JsonPath(text, steps.ToImmutable());
        error = null;
        return true;
    }

    /// <summary>Parses or throws <see cref="FormatException"/>; for code and tests, not user input.</summary>
    public static JsonPath Parse(string text) =>
        TryParse(text, out var value, out var error) ? value! : throw new FormatException(error);

    /// <summary>The element the path names, or null when the body has nothing there.</summary>
    public JsonElement? Select(JsonElement root)
    {
        var current = root;
        foreach (var step in Steps)
        {
            if (step is string name && current.ValueKind == JsonValueKind.Object && current.TryGetProperty(name, out var property))
            {
                current = property;
            }
            else if (step is int index && current.ValueKind == JsonValueKind.Array && index < current.GetArrayLength())
            {
                current = current[index];
            }
            else
            {
                return null;
            }
        }

        return current;
    }

    /// <inheritdoc />
    public override string ToString() => Text;
}
