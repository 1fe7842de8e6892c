using System.Text.Json;
using System.Text.RegularExpressions;

namespace ContractKit.Contracts.Validation.Compilation.Checks;

/// <summary>minLength, maxLength, pattern and format: strings only. Lengths count code points.</summary>
internal sealed class StringCheck(int? minLength, int? maxLength, Regex? pattern, string? patternText, Func<string, bool>? format, string? formatName, string location) : Check
{
    public override bool Evaluate(JsonElement instance, Evaluation evaluation)
    {
        if (instance.ValueKind != JsonValueKind.String)
        {
            return true;
        }

        var text = instance.GetString()!;
        var valid = true;
        if (minLength is not null || maxLength is not null)
        {
            var length = CodePoints(text);
            if (length < minLength)
            {
                valid = Fail("minLength", $"must be at least {minLength} characters long, not {length}");
            }

            if (length > maxLength)
            {
                valid = Fail("maxLength", $"must be at most {maxLength} characters long, not {length}");
            }
        }

        if (pattern is not null)
        {
            bool matches;
            try
            {
                matches = pattern.IsMatch(text);
            }
            catch (RegexMatchTimeoutException)
            {
                matches = false;
            }

            if (!matches)
            {
                valid = Fail("pattern", $"{evaluation.Quote(instance)} does not match {patternText}");
            }
        }

        if (format is not null && !format(text))
        {
            valid = Fail("format", $"{evaluation.Quote(instance)} is not a valid {formatName}");
        }

        return valid;

        bool Fail(string keyword, string message)
        {
            evaluation.Report(keyword, location + "/" + keyword, message);
            return false;
        }
    }

    private static int CodePoints(string text)
    {
        var count = text.Length;
        foreach (var c in text)
        {
            if (char.IsLowSurrogate(c))
            {
                count--;
            }
        }

        return count;
    }
}
