namespace ContractKit.Contracts.Compatibility;

/// <summary>
/// How a change relates what the new version accepts or promises to what the old one did. The
/// effect under each compatibility mode follows from it (see <see cref="ModeEffects.Of"/>).
/// </summary>
public enum ChangeKind
{
    /// <summary>No record or promise changes: descriptions, owners, annotations.</summary>
    Neutral,

    /// <summary>
    /// The new version accepts more records or promises less (an enum value added, a threshold
    /// raised): consumers on the new version read old data, consumers on the old one may break.
    /// </summary>
    Widens,

    /// <summary>
    /// The new version accepts fewer records or promises more (a bound tightened, a quality check
    /// added): consumers on the old version keep working, a replay of old data may not pass.
    /// </summary>
    Narrows,

    /// <summary>Neither a superset nor a subset: consumers break either way (a type or key changed).</summary>
    Alters,
}

/// <summary>Whether consumers protected by a compatibility mode keep working.</summary>
public enum Effect
{
    /// <summary>They keep working.</summary>
    Compatible,

    /// <summary>They may break.</summary>
    Breaking,
}

/// <summary>A change's effect under each compatibility direction.</summary>
/// <param name="Backward">Consumers on the new version reading data produced under the old one.</param>
/// <param name="Forward">Consumers on the old version reading data produced under the new one.</param>
/// <param name="Full">Both.</param>
public sealed record ModeEffects(Effect Backward, Effect Forward, Effect Full)
{
    private static readonly ModeEffects NeutralEffects = new(Effect.Compatible, Effect.Compatible, Effect.Compatible);
    private static readonly ModeEffects WidensEffects = new(Effect.Compatible, Effect.Breaking, Effect.Breaking);
    private static readonly ModeEffects NarrowsEffects = new(Effect.Breaking, Effect.Compatible, Effect.Breaking);
    private static readonly ModeEffects AltersEffects = new(Effect.Breaking, Effect.Breaking, Effect.Breaking);

    /// <summary>The effects of a kind of change.</summary>
    public static ModeEffects Of(ChangeKind kind) => kind switch
    {
        ChangeKind.Widens => WidensEffects,
        ChangeKind.Narrows => NarrowsEffects,
        ChangeKind.Alters => AltersEffects,
        _ => NeutralEffects,
    };
}
