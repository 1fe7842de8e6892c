using ContractKit.Probes.Results;

namespace ContractKit.Cli.Commands.Probe;

/// <summary>How probe prints.</summary>
internal enum ProbeFormat
{
    /// <summary>A table per contract, then the evidence of what did not pass.</summary>
    Text,

    /// <summary>One JSON document.</summary>
    Json,

    /// <summary>JUnit XML: a test case per check.</summary>
    Junit,
}

/// <summary>Prints probe reports in one format.</summary>
internal interface IProbeWriter
{
    void Write(IReadOnlyList<ProbeReport> reports, ExitCode exitCode, TextWriter output);
}

internal static class ProbeSummary
{
    public static string Counts(IEnumerable<CheckResult> results)
    {
        var list = results.ToList();
        int Count(CheckStatus status) => list.Count(r => r.Status == status);
        return $"{list.Count} check{(list.Count == 1 ? "" : "s")}: {Count(CheckStatus.Pass)} pass, {Count(CheckStatus.Warn)} warn, {Count(CheckStatus.Fail)} fail, {Count(CheckStatus.Error)} error";
    }
}
