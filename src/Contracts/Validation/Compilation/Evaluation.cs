using System.Text.Json;
using ContractKit.Contracts.Documents;

namespace ContractKit.Contracts.Validation.Compilation;

/// <summary>
/// The state of one record's validation: where in the record we are, and where errors go.
/// With <see cref="Errors"/> null the evaluation only answers valid/invalid and stops at the first
/// failure — the mode combinators use for their branches and callers use for counting.
/// </summary>
internal sealed class Evaluation
{
    private readonly List<(string? Name, int Index)> _path = [];
    private int _hidden;

    public List<ValidationError>? Errors { get; set; }

    public int MaxErrors { get; init; } = int.MaxValue;

    /// <summary>Errors beyond <see cref="MaxErrors"/>, counted but not described.</summary>
    public int Suppressed { get; private set; }

    public bool Collecting => Errors is not null;

    // The path is only needed to name where an error is: a verdict-only evaluation skips it. The
    // mode changes only around Quietly, so every Pop meets the mode of its Push.
    // Takes the property, not its name: JsonProperty.Name allocates a string, which a verdict-only
    // evaluation (the per-record path) must not pay for.
    public void Push(JsonProperty property)
    {
        if (Errors is not null)
        {
            _path.Add((property.Name, -1));
        }
    }

    public void Push(int index)
    {
        if (Errors is not null)
        {
            _path.Add((null, index));
        }
    }

    public void Pop()
    {
        if (Errors is not null)
        {
            _path.RemoveAt(_path.Count - 1);
        }
    }

    /// <summary>Inside a field marked x-pii: messages describe values without quoting them.</summary>
    public void EnterHidden() => _hidden++;

    public void LeaveHidden() => _hidden--;

    public void Report(string keyword, string schemaLocation, string message)
    {
        if (Errors is null)
        {
            return;
        }

        if (Errors.Count >= MaxErrors)
        {
            Suppressed++;
            return;
        }

        Errors.Add(new ValidationError(InstancePointer(), keyword, schemaLocation, message));
    }

    public string InstancePointer()
    {
        var pointer = JsonPointer.Root;
        foreach (var (name, index) in _path)
        {
            pointer = name is null ? JsonPointer.Append(pointer, index) : JsonPointer.Append(pointer, name);
        }

        return pointer;
    }

    /// <summary>A value as a message quotes it: short JSON, or nothing for personal data.</summary>
    public string Quote(JsonElement value)
    {
        if (_hidden > 0)
        {
            return "the value (not shown: x-pii)";
        }

        var text = value.ValueKind == JsonValueKind.String ? "'" + value.GetString() + "'" : value.GetRawText();
        return text.Length <= 60 ? text : text[..57] + "…";
    }

    /// <summary>Evaluates <paramref name="schema"/> without reporting, for branches of anyOf, oneOf, not and if.</summary>
    public bool Quietly(CompiledSchema schema, JsonElement instance)
    {
        var errors = Errors;
        Errors = null;
        try
        {
            return schema.Evaluate(instance, this);
        }
        finally
        {
            Errors = errors;
        }
    }

    public static string TypeName(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => JsonNumbers.IsInteger(value) ? "an integer" : "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };
}
