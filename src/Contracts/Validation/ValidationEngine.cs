namespace ContractKit.Contracts.Validation;

/// <summary>Which engine checks records for a schema.</summary>
public enum ValidationEngine
{
    /// <summary>ContractKit's compiled validator, working directly on System.Text.Json elements.</summary>
    Compiled,

    /// <summary>
    /// JsonSchema.Net 8, for schemas that use keywords the compiled validator does not implement
    /// (<c>unevaluatedProperties</c>, <c>$dynamicRef</c>…), so every keyword is still enforced.
    /// </summary>
    JsonSchemaNet,
}
