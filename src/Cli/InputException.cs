using System.Collections.Immutable;
using ContractKit.Contracts.Diagnostics;

namespace ContractKit.Cli;

/// <summary>
/// Input a command cannot work with: a missing file, a contract that does not lint, two different
/// contracts. <see cref="CliContext"/> prints the message and the findings and exits 2.
/// </summary>
internal sealed class InputException(string message, ImmutableArray<Diagnostic> diagnostics = default) : Exception(message)
{
    public ImmutableArray<Diagnostic> Diagnostics { get; } = diagnostics.IsDefault ? [] : diagnostics;
}
