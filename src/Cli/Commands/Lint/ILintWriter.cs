using ContractKit.Contracts.Linting;

namespace ContractKit.Cli.Commands.Lint;

/// <summary>Prints a lint report in one format.</summary>
internal interface ILintWriter
{
    void Write(LintReport report, ExitCode exitCode, TextWriter output);
}
