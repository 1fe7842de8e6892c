using Json.Schema;

namespace ContractKit.Contracts.Validation.Fallback;

/// <summary>Reading JsonSchema.Net's hierarchical output.</summary>
internal static class JsonSchemaNetOutput
{
    /// <summary>
    /// The nodes that explain a failure. Only failed nodes are followed: a passing anyOf branch or
    /// an "if" that selected nothing can hold failed subschemas of its own that explain nothing.
    /// </summary>
    public static IEnumerable<EvaluationResults> FailedLeaves(EvaluationResults results)
    {
        if (results.IsValid)
        {
            yield break;
        }

        var failedDetails = (results.Details ?? []).Where(d => !d.IsValid).ToList();

        // A failed node with a message explains itself; one without a message and without failed
        // children (unevaluatedProperties does this) is still the place the failure is.
        if (results.Errors is { Count: > 0 } || failedDetails.Count == 0)
        {
            yield return results;
        }

        foreach (var detail in failedDetails)
        {
            foreach (var nested in FailedLeaves(detail))
            {
                yield return nested;
            }
        }
    }
}
