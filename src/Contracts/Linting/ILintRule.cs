using ContractKit.Contracts.Diagnostics;
using ContractKit.Contracts.Model;

namespace ContractKit.Contracts.Linting;

/// <summary>
/// Advice on a contract that loaded: things that are valid but weaken what the contract can
/// enforce. Errors are not raised here — the loader refuses invalid contracts itself.
/// </summary>
public interface ILintRule
{
    /// <summary>The rule this advice belongs to.</summary>
    Rule Rule { get; }

    /// <summary>Findings for one contract.</summary>
    IEnumerable<Diagnostic> Check(Contract contract);
}
