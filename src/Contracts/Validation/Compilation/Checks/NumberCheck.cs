using System.Text.Json;

namespace ContractKit.Contracts.Validation.Compilation.Checks;

/// <summary>minimum, maximum, exclusiveMinimum, exclusiveMaximum and multipleOf: numbers only.</summary>
internal sealed class NumberCheck(
    JsonNumber? minimum, JsonNumber? maximum, JsonNumber? exclusiveMinimum, JsonNumber? exclusiveMaximum, JsonNumber? multipleOf, string location) : Check
{
    public override bool Evaluate(JsonElement instance, Evaluation evaluation)
    {
        if (instance.ValueKind != JsonValueKind.Number)
        {
            return true;
        }

        var value = JsonNumber.From(instance);
        var valid = true;
        if (minimum is { } min && value.CompareTo(min) < 0)
        {
            valid = Fail("minimum", $"must be at least {min}, not {evaluation.Quote(instance)}");
        }

        if (maximum is { } max && value.CompareTo(max) > 0)
        {
            valid = Fail("maximum", $"must be at most {max}, not {evaluation.Quote(instance)}");
        }

        if (exclusiveMinimum is { } exMin && value.CompareTo(exMin) <= 0)
        {
            valid = Fail("exclusiveMinimum", $"must be more than {exMin}, not {evaluation.Quote(instance)}");
        }

        if (exclusiveMaximum is { } exMax && value.CompareTo(exMax) >= 0)
        {
            valid = Fail("exclusiveMaximum", $"must be less than {exMax}, not {evaluation.Quote(instance)}");
        }

        if (multipleOf is { } by && !value.IsMultipleOf(by))
        {
            valid = Fail("multipleOf", $"must be a multiple of {by}, not {evaluation.Quote(instance)}");
        }

        return valid;

        bool Fail(string keyword, string message)
        {
            evaluation.Report(keyword, location + "/" + keyword, message);
            return false;
        }
    }
}
