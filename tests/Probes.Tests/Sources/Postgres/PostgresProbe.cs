using ContractKit.Contracts.Loading;
using ContractKit.Contracts.Model;
using ContractKit.Contracts.Secrets;
using ContractKit.Probes.Results;

namespace ContractKit.Probes.Tests.Sources.Postgres;

/// <summary>Runs <see cref="ProbeRunner"/> end to end on contract text, with the connection string in a test environment.</summary>
internal static class PostgresProbe
{
    /// <summary>The environment variable the test contracts reference.</summary>
    public const string Variable = "CK_TEST_DB";

    /// <summary>A postgres contract around the datasets' YAML (indented as list items under datasets:).</summary>
    public static string Contract(string datasets, string statementTimeout = "5s", string connection = "${env:" + Variable + "}") => $$"""
        apiVersion: contractkit/v1
        id: pg-test
        version: 1.0.0
        status: active
        title: PostgreSQL probe test
        owner: { team: data }
        source:
          kind: postgres
          connection: "{{connection}}"
          statementTimeout: {{statementTimeout}}
        datasets:
        {{datasets}}
        """;

    public static async Task<Contract> LoadAsync(string yaml, TempFolder folder)
    {
        var path = folder.Write("contract.yaml", yaml);
        var loaded = await ContractLoader.LoadTextAsync(yaml, path, path);
        Assert.That(loaded.Contract, Is.Not.Null, () => string.Join("\n", loaded.Diagnostics));
        return loaded.Contract!;
    }

    public static async Task<ProbeReport> RunAsync(string yaml, string? connectionString, ProbeOptions? options = null)
    {
        using var folder = new TempFolder();
        var contract = await LoadAsync(yaml, folder);
        return await RunAsync(contract, connectionString, options);
    }

    public static Task<ProbeReport> RunAsync(Contract contract, string? connectionString, ProbeOptions? options = null) =>
        new ProbeRunner(options, Secrets(contract.BaseDirectory, connectionString)).RunAsync(contract);

    public static ISecretResolver Secrets(string baseDirectory, string? connectionString) =>
        new EnvironmentSecretResolver(baseDirectory, name => name == Variable ? connectionString : null);

    /// <summary>The one result with this check id.</summary>
    public static CheckResult Result(this ProbeReport report, string checkId, string? dataset = null)
    {
        var matches = report.Results.Where(r => r.CheckId == checkId && (dataset is null || r.Dataset == dataset)).ToList();
        Assert.That(matches, Has.Count.EqualTo(1), () => $"results for {checkId}: " + Describe(report));
        return matches[0];
    }

    public static string Describe(ProbeReport report) =>
        string.Join("\n", report.Results.Select(r => $"{r.Dataset}/{r.CheckId}: {r.Status} — {r.Measured} — {r.Message}"));
}
