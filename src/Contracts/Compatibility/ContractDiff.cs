using System.Collections.Immutable;
using ContractKit.Contracts.Model;

namespace ContractKit.Contracts.Compatibility;

/// <summary>The differences between two versions of one contract.</summary>
/// <param name="Old">The earlier version.</param>
/// <param name="New">The later version.</param>
/// <param name="Changes">Every change, schema changes first per dataset, in a stable order.</param>
/// <param name="ContentChanged">
/// True when anything in the files differs, even what no rule looks at (probe or simulation
/// settings): such a change still needs a new version.
/// </param>
public sealed record ContractDiff(Contract Old, Contract New, ImmutableArray<Change> Changes, bool ContentChanged)
{
    /// <summary>Compares two loaded versions of one contract.</summary>
    /// <param name="old">The earlier version.</param>
    /// <param name="new">The later version.</param>
    /// <exception cref="ArgumentException">The two contracts have different ids.</exception>
    public static ContractDiff Compare(Contract old, Contract @new)
    {
        ArgumentNullException.ThrowIfNull(old);
        ArgumentNullException.ThrowIfNull(@new);
        if (old.Id != @new.Id)
        {
            throw new ArgumentException($"'{old.Id}' and '{@new.Id}' are different contracts; a diff compares versions of one", nameof(@new));
        }

        var changes = ContractComparer.Compare(old, @new);
        return new ContractDiff(old, @new, changes, changes.Length > 0 || ContentComparer.Differs(old, @new));
    }

    /// <summary>
    /// The direction "breaking" is measured in for this diff: the one the new version declares;
    /// for <c>none</c>, forward (consumers built against the previous version), which is what a
    /// major version protects.
    /// </summary>
    public CompatibilityDirection BreakingDirection =>
        New.Compatibility.Direction == CompatibilityDirection.None ? CompatibilityDirection.Forward : New.Compatibility.Direction;

    /// <summary>True when <paramref name="change"/> breaks consumers in <see cref="BreakingDirection"/>.</summary>
    public bool IsBreaking(Change change)
    {
        ArgumentNullException.ThrowIfNull(change);
        return change.Breaks(BreakingDirection);
    }

    /// <summary>The changes for people to read: breaking ones first, otherwise in the order found.</summary>
    public IEnumerable<Change> BreakingFirst() => Changes.OrderBy(c => IsBreaking(c) ? 0 : 1);
}
