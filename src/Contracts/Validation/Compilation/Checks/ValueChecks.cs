using System.Text.Json;

namespace ContractKit.Contracts.Validation.Compilation.Checks;

/// <summary><c>enum</c>. All-string enums compare without allocating.</summary>
internal sealed class EnumCheck : Check
{
    private readonly JsonElement[] _values;
    private readonly byte[][]? _strings;
    private readonly string _location;
    private readonly string _listed;

    public EnumCheck(JsonElement values, string location)
    {
        _values = [.. values.EnumerateArray().Select(v => v.Clone())];
        _strings = _values.All(v => v.ValueKind == JsonValueKind.String) ? [.. _values.Select(v => System.Text.Encoding.UTF8.GetBytes(v.GetString()!))] : null;
        _location = location;
        var listed = string.Join(", ", _values.Select(v => v.ValueKind == JsonValueKind.String ? v.GetString() : v.GetRawText()));
        _listed = listed.Length <= 200 ? listed : listed[..197] + "…";
    }

    public override bool Evaluate(JsonElement instance, Evaluation evaluation)
    {
        if (_strings is not null)
        {
            if (instance.ValueKind == JsonValueKind.String)
            {
                foreach (var value in _strings)
                {
                    if (instance.ValueEquals(value))
                    {
                        return true;
                    }
                }
            }
        }
        else
        {
            foreach (var value in _values)
            {
                if (JsonEquality.AreEqual(instance, value))
                {
                    return true;
                }
            }
        }

        evaluation.Report("enum", _location, $"{evaluation.Quote(instance)} is not one of: {_listed}");
        return false;
    }
}

/// <summary><c>const</c>.</summary>
internal sealed class ConstCheck(JsonElement value, string location) : Check
{
    private readonly JsonElement _value = value.Clone();

    public override bool Evaluate(JsonElement instance, Evaluation evaluation)
    {
        if (JsonEquality.AreEqual(instance, _value))
        {
            return true;
        }

        evaluation.Report("const", location, $"must be {_value.GetRawText()}, not {evaluation.Quote(instance)}");
        return false;
    }
}

/// <summary><c>$ref</c>: the referenced schema applies to the same value.</summary>
internal sealed class RefCheck(CompiledSchema target) : Check
{
    public override bool Evaluate(JsonElement instance, Evaluation evaluation) => target.Evaluate(instance, evaluation);
}
