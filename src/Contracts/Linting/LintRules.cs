using System.Collections.Immutable;
using ContractKit.Contracts.Linting.Advice;

namespace ContractKit.Contracts.Linting;

/// <summary>The advice rules lint runs on every contract that loads. Add a new one here.</summary>
public static class LintRules
{
    /// <summary>Every advice rule.</summary>
    public static ImmutableArray<ILintRule> All { get; } = [new NoKeyRule(), new NoEventTimeRule(), new PiiUnmarkedRule()];
}
