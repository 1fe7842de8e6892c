using System.Text.Json;

namespace ContractKit.Contracts.Validation.Compilation;

/// <summary>One keyword (or a family of keywords that share a type gate) of a compiled schema.</summary>
internal abstract class Check
{
    /// <summary>Checks the instance; reports errors through <paramref name="evaluation"/> when it collects them.</summary>
    public abstract bool Evaluate(JsonElement instance, Evaluation evaluation);
}

/// <summary>
/// A schema compiled once: its keywords as <see cref="Check"/>s, run in order. Boolean schemas
/// are <see cref="Constant"/>. Instances are shared: a <c>$ref</c> points at the same node, which
/// is how recursive schemas compile.
/// </summary>
internal sealed class CompiledSchema(string location)
{
    private Check[] _checks = [];

    /// <summary>Where the schema is, as errors print it (<c>#/properties/amount</c>).</summary>
    public string Location { get; } = location;

    /// <summary>For <c>true</c> and <c>false</c> schemas.</summary>
    public bool? Constant { get; private set; }

    /// <summary>True for a schema marked <c>x-pii: true</c>: messages inside it never quote values.</summary>
    public bool Pii { get; private set; }

    public void Complete(IEnumerable<Check> checks, bool pii)
    {
        _checks = [.. checks];
        Pii = pii;
    }

    public void CompleteConstant(bool value) => Constant = value;

    public bool Evaluate(JsonElement instance, Evaluation evaluation)
    {
        if (Constant is { } constant)
        {
            if (!constant)
            {
                evaluation.Report("false", Location, "no value is allowed here");
            }

            return constant;
        }

        if (Pii)
        {
            evaluation.EnterHidden();
        }

        try
        {
            var valid = true;
            var checks = _checks;
            for (var i = 0; i < checks.Length; i++)
            {
                if (!checks[i].Evaluate(instance, evaluation))
                {
                    valid = false;
                    if (!evaluation.Collecting)
                    {
                        return false;
                    }
                }
            }

            return valid;
        }
        finally
        {
            if (Pii)
            {
                evaluation.LeaveHidden();
            }
        }
    }
}
