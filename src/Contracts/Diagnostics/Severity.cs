namespace ContractKit.Contracts.Diagnostics;

/// <summary>How much a finding matters.</summary>
public enum Severity
{
    /// <summary>Worth knowing; never fails a command.</summary>
    Warning,

    /// <summary>The contract is wrong or would be enforced dishonestly; fails the command.</summary>
    Error,
}
