namespace ContractKit.Probes.Results;

/// <summary>The verdict of one check. Ordered: a worse status compares greater.</summary>
public enum CheckStatus
{
    /// <summary>The promise holds.</summary>
    Pass,

    /// <summary>The promise holds, but close to its limit, or something weakens the measurement.</summary>
    Warn,

    /// <summary>The promise is broken.</summary>
    Fail,

    /// <summary>The check could not be made (unreachable source, timeout, bad configuration). Never a silent pass.</summary>
    Error,
}
