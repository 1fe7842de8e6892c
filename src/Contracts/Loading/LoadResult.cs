using System.Collections.Immutable;
using ContractKit.Contracts.Diagnostics;
using ContractKit.Contracts.Model;

namespace ContractKit.Contracts.Loading;

/// <summary>The outcome of loading one contract file.</summary>
/// <param name="Path">The file, as given.</param>
/// <param name="Contract">The contract, when it has no errors.</param>
/// <param name="Diagnostics">Every finding, in file order.</param>
public sealed record LoadResult(string Path, Contract? Contract, ImmutableArray<Diagnostic> Diagnostics)
{
    /// <summary>True when the contract loaded without errors (warnings may remain).</summary>
    public bool Succeeded => Contract is not null;

    /// <summary>True when the file could not be read at all (an I/O problem, not a contract problem).</summary>
    public bool IsIoFailure => Diagnostics.Any(d => d.Rule == Rules.FileUnreadable && d.Span.File == Path);
}
