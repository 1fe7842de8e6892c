using System.Text.Json;

namespace ContractKit.Contracts.Validation.Compilation.Checks;

/// <summary><c>allOf</c>: every schema applies; their errors are reported as they are.</summary>
internal sealed class AllOfCheck(CompiledSchema[] schemas) : Check
{
    public override bool Evaluate(JsonElement instance, Evaluation evaluation)
    {
        var valid = true;
        foreach (var schema in schemas)
        {
            if (!schema.Evaluate(instance, evaluation))
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
}

/// <summary><c>anyOf</c>: at least one schema matches.</summary>
internal sealed class AnyOfCheck(CompiledSchema[] schemas, string location) : Check
{
    public override bool Evaluate(JsonElement instance, Evaluation evaluation)
    {
        foreach (var schema in schemas)
        {
            if (evaluation.Quietly(schema, instance))
            {
                return true;
            }
        }

        evaluation.Report("anyOf", location, $"matches none of the {schemas.Length} alternatives in anyOf");
        return false;
    }
}

/// <summary><c>oneOf</c>: exactly one schema matches.</summary>
internal sealed class OneOfCheck(CompiledSchema[] schemas, string location) : Check
{
    public override bool Evaluate(JsonElement instance, Evaluation evaluation)
    {
        var matching = new List<int>(2);
        for (var i = 0; i < schemas.Length; i++)
        {
            if (evaluation.Quietly(schemas[i], instance))
            {
                matching.Add(i);
                if (matching.Count > 1 && !evaluation.Collecting)
                {
                    return false;
                }
            }
        }

        if (matching.Count == 1)
        {
            return true;
        }

        evaluation.Report("oneOf", location, matching.Count == 0
            ? $"matches none of the {schemas.Length} alternatives in oneOf"
            : $"matches {matching.Count} alternatives in oneOf (#{string.Join(", #", matching)}); exactly one may match");
        return false;
    }
}

/// <summary><c>not</c>.</summary>
internal sealed class NotCheck(CompiledSchema schema, string location) : Check
{
    public override bool Evaluate(JsonElement instance, Evaluation evaluation)
    {
        if (!evaluation.Quietly(schema, instance))
        {
            return true;
        }

        evaluation.Report("not", location, "matches the schema in 'not', which it must not");
        return false;
    }
}

/// <summary><c>if</c>/<c>then</c>/<c>else</c>: the branch's errors are reported as they are.</summary>
internal sealed class IfThenElseCheck(CompiledSchema condition, CompiledSchema? then, CompiledSchema? otherwise) : Check
{
    public override bool Evaluate(JsonElement instance, Evaluation evaluation)
    {
        var branch = evaluation.Quietly(condition, instance) ? then : otherwise;
        return branch is null || branch.Evaluate(instance, evaluation);
    }
}
