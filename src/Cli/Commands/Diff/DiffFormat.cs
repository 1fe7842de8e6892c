namespace ContractKit.Cli.Commands.Diff;

/// <summary>How diff prints its report.</summary>
internal enum DiffFormat
{
    /// <summary>Lines for people at a terminal.</summary>
    Text,

    /// <summary>One JSON document for machines.</summary>
    Json,

    /// <summary>Markdown, as a pull-request comment shows it.</summary>
    Md,
}

/// <summary>Prints a diff report in one format.</summary>
internal interface IDiffWriter
{
    void Write(DiffReport report, TextWriter output);
}
