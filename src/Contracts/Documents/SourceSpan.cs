namespace ContractKit.Contracts.Documents;

/// <summary>A 1-based line and column in a text file.</summary>
/// <param name="Line">The line, starting at 1.</param>
/// <param name="Column">The column in characters, starting at 1.</param>
public readonly record struct SourcePosition(int Line, int Column)
{
    /// <summary>The first character of a file.</summary>
    public static SourcePosition Start => new(1, 1);

    /// <inheritdoc />
    public override string ToString() => $"{Line}:{Column}";
}

/// <summary>
/// Where something is written: a file and the range of text in it. Every node of a loaded
/// document carries one, so any later finding (lint, diff, probe configuration) can point at it.
/// </summary>
/// <param name="File">The file path as the user gave it (relative paths stay relative).</param>
/// <param name="Start">The first character.</param>
/// <param name="End">The character after the last one.</param>
public sealed record SourceSpan(string File, SourcePosition Start, SourcePosition End)
{
    /// <summary>A span at a single position.</summary>
    public static SourceSpan At(string file, int line, int column) =>
        new(file, new SourcePosition(line, column), new SourcePosition(line, column));

    /// <summary>The start of a file, for findings about the file as a whole.</summary>
    public static SourceSpan StartOf(string file) => At(file, 1, 1);

    /// <summary><c>file:line:column</c>, the form editors and terminals turn into links.</summary>
    public override string ToString() => $"{File}:{Start.Line}:{Start.Column}";
}
