namespace ContractKit.Contracts.Compatibility;

/// <summary>Which part of a contract a change rule looks at.</summary>
public enum ChangeArea
{
    /// <summary>The JSON Schema of a dataset's records.</summary>
    Schema,

    /// <summary>Everything else the contract promises: datasets, keys, freshness, volume, quality, SLA, ownership.</summary>
    Contract,
}

/// <summary>
/// A kind of difference between two versions of a contract, with a stable id that diff output,
/// docs and the README's rule table use.
/// </summary>
/// <param name="Id">Stable kebab-case id, e.g. <c>enum-value-added</c>.</param>
/// <param name="Kind">How the change relates the new version to the old one.</param>
/// <param name="Area">Schema or contract.</param>
/// <param name="Summary">What the rule detects, for the rule table.</param>
/// <param name="AlwaysFlagged">True when the change fails a diff whatever the declared mode (a privacy regression).</param>
public sealed record ChangeRule(string Id, ChangeKind Kind, ChangeArea Area, string Summary, bool AlwaysFlagged = false)
{
    /// <summary>The rule's effect under each mode.</summary>
    public ModeEffects Effects => ModeEffects.Of(Kind);
}
