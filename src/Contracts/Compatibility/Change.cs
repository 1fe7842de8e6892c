using ContractKit.Contracts.Documents;
using ContractKit.Contracts.Model;

namespace ContractKit.Contracts.Compatibility;

/// <summary>One difference between two versions of a contract.</summary>
/// <param name="Rule">The rule that names the difference.</param>
/// <param name="Kind">
/// How the new version relates to the old one here. Usually the rule's kind; inside <c>not</c>
/// a schema change works the other way round.
/// </param>
/// <param name="Dataset">The dataset it touches, or null for contract-wide changes (SLA, owner).</param>
/// <param name="Field">The record field it touches (<c>customer.email</c>, <c>items[]</c>), or null.</param>
/// <param name="Pointer">
/// Where: for schema changes the JSON Pointer inside the dataset's record schema
/// (<c>/properties/status/enum</c>); for the rest the JSON Pointer in the contract (<c>/sla/latency/p99</c>).
/// </param>
/// <param name="Old">The old value as text, or null when it was absent.</param>
/// <param name="New">The new value as text, or null when it is absent.</param>
/// <param name="OldSpan">Where the old value is written, when it exists.</param>
/// <param name="NewSpan">Where the new value is written, when it exists.</param>
/// <param name="Message">One line for people.</param>
public sealed record Change(
    ChangeRule Rule,
    ChangeKind Kind,
    string? Dataset,
    string? Field,
    string Pointer,
    string? Old,
    string? New,
    SourceSpan? OldSpan,
    SourceSpan? NewSpan,
    string Message)
{
    /// <summary>The rule's stable id.</summary>
    public string RuleId => Rule.Id;

    /// <summary>The effect under backward, forward and full.</summary>
    public ModeEffects Effects => ModeEffects.Of(Kind);

    /// <summary>The effect under one direction; nothing breaks a contract that promises <c>none</c>.</summary>
    public Effect EffectUnder(CompatibilityDirection direction) => direction switch
    {
        CompatibilityDirection.Backward => Effects.Backward,
        CompatibilityDirection.Forward => Effects.Forward,
        CompatibilityDirection.Full => Effects.Full,
        _ => Effect.Compatible,
    };

    /// <summary>True when consumers under <paramref name="direction"/> may break, or the rule is always flagged.</summary>
    public bool Breaks(CompatibilityDirection direction) => Rule.AlwaysFlagged || EffectUnder(direction) == Effect.Breaking;

    /// <summary>
    /// Where, for people: <c>orders › status</c> (a record field), <c>orders › freshness.fail</c>
    /// (a dataset promise), <c>sla.latency.p99</c> (a contract-wide one).
    /// </summary>
    public string Location
    {
        get
        {
            if (Dataset is not null && Field is not null)
            {
                return $"{Dataset} › {Field}";
            }

            var tokens = JsonPointer.Parse(Pointer) ?? [];
            var inside = Dataset is not null && tokens.Count >= 2 && tokens[0] == "datasets" ? tokens.Skip(2) : tokens;
            var dotted = string.Concat(inside.Select((t, i) => int.TryParse(t, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out _) ? $"[{t}]" : (i == 0 ? t : "." + t)));
            return Dataset is null ? dotted : dotted.Length == 0 ? Dataset : $"{Dataset} › {dotted}";
        }
    }
}
