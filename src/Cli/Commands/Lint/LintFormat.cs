namespace ContractKit.Cli.Commands.Lint;

/// <summary>How lint prints its findings.</summary>
internal enum LintFormat
{
    /// <summary>Compiler-style lines for people.</summary>
    Text,

    /// <summary>One JSON document for machines.</summary>
    Json,

    /// <summary>GitHub Actions workflow annotations.</summary>
    Github,
}
