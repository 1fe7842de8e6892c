using ContractKit.Contracts.Documents;

namespace ContractKit.Contracts.Diagnostics;

/// <summary>One finding about a contract: which rule, where, what is wrong and how to fix it.</summary>
/// <param name="Rule">The rule that was broken.</param>
/// <param name="Severity">How much it matters.</param>
/// <param name="Span">Where, as <c>file:line:column</c>.</param>
/// <param name="Message">What is wrong, in one line.</param>
/// <param name="Hint">How to fix it, in one line.</param>
public sealed record Diagnostic(Rule Rule, Severity Severity, SourceSpan Span, string Message, string Hint)
{
    /// <summary>Creates a finding at the rule's default severity.</summary>
    public static Diagnostic Create(Rule rule, SourceSpan span, string message, string? hint = null) =>
        new(rule, rule.DefaultSeverity, span, message, hint ?? rule.Hint);

    /// <summary>True for errors.</summary>
    public bool IsError => Severity == Severity.Error;

    /// <inheritdoc />
    public override string ToString() =>
        $"{Span}: {(IsError ? "error" : "warning")} {Rule.Id}: {Message}";
}
