namespace ContractKit.Mocks.Faults;

/// <summary>What happens to one request, as the fault profiles decide it.</summary>
internal abstract record FaultDecision
{
    /// <summary>Served normally, after an added delay.</summary>
    public sealed record Pass(TimeSpan Delay) : FaultDecision;

    /// <summary>Answered with this status instead of data.</summary>
    public sealed record Status(int Code, IReadOnlyList<KeyValuePair<string, string>> Headers, string Body) : FaultDecision;

    /// <summary>The connection is reset (TCP RST).</summary>
    public sealed record Reset : FaultDecision;

    /// <summary>The request is accepted and never answered.</summary>
    public sealed record Hang : FaultDecision;

    /// <summary>Headers and part of the body are sent, then the connection closes.</summary>
    public sealed record Cut(int BodyBytes) : FaultDecision;

    public static readonly Pass Healthy = new(TimeSpan.Zero);
}
