namespace ContractKit.Cli;

/// <summary>What every contractkit command returns; the README documents these.</summary>
internal enum ExitCode
{
    /// <summary>The command ran and everything is in order.</summary>
    Ok = 0,

    /// <summary>The command ran and found problems: lint errors, invalid records, breaking changes, failed checks.</summary>
    Findings = 1,

    /// <summary>The command could not do its job: bad arguments, a missing or unreadable file, an unreachable source.</summary>
    UsageOrIoError = 2,

    /// <summary>A bug in contractkit; the message says what happened.</summary>
    InternalError = 3,

    /// <summary>Interrupted (Ctrl-C).</summary>
    Cancelled = 130,
}
