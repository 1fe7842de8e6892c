using System.Collections.Immutable;
using ContractKit.Contracts.Diagnostics;

namespace ContractKit.Cli.Commands.Diff;

/// <summary>Input diff cannot compare: a missing file, a contract that does not lint, two different contracts.</summary>
internal sealed class DiffInputException(string message, ImmutableArray<Diagnostic> diagnostics = default) : Exception(message)
{
    public ImmutableArray<Diagnostic> Diagnostics { get; } = diagnostics.IsDefault ? [] : diagnostics;
}
