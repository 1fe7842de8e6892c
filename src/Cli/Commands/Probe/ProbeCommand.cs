using System.CommandLine;
using ContractKit.Cli.Telemetry;
using ContractKit.Contracts.Linting;
using ContractKit.Contracts.Loading;
using ContractKit.Contracts.Model;
using ContractKit.Probes;
using ContractKit.Probes.Results;

namespace ContractKit.Cli.Commands.Probe;

/// <summary><c>contractkit probe [PATH…]</c>: checks live sources against their contracts, once.</summary>
internal static class ProbeCommand
{
    private static readonly Argument<string[]> Paths = new("paths")
    {
        Arity = ArgumentArity.ZeroOrMore,
        Description = "Contract files or folders (default: contracts/)",
    };

    private static readonly Option<string[]> ContractIds = new("--contract") { Description = "Probe only the contract with this id (repeatable)", AllowMultipleArgumentsPerToken = true };

    private static readonly Option<string[]> Datasets = new("--dataset", "-d") { Description = "Probe only this dataset (repeatable)", AllowMultipleArgumentsPerToken = true };

    private static readonly Option<string[]> Checks = new("--check") { Description = "Report only this check: schema, freshness, volume, nullRate, duplicates, sql, latency, errorRate, cdc (repeatable)", AllowMultipleArgumentsPerToken = true };

    private static readonly Option<ProbeFormat> Format = ChoiceOption.Create<ProbeFormat>("--format", "-f", "text (the default), json or junit");

    private static readonly Option<string?> Out = new("--out", "-o") { Description = "Write the report to this file (the table still goes to the console)" };

    private static readonly Option<TelemetryExport> Otel = ChoiceOption.Create<TelemetryExport>("--otel", null,
        "console also prints traces and metrics; none (the default) does not (OTLP is used when OTEL_EXPORTER_OTLP_ENDPOINT is set)");

    public static Command Create(CliContext cli)
    {
        var command = new Command("probe", "Check live sources against their contracts, once.")
        {
            Paths, ContractIds, Datasets, Checks, Format, Out, Otel,
        };
        command.SetAction((result, token) => cli.RunAsync(output => RunAsync(
            new Arguments(result.GetValue(Paths) ?? [], result.GetValue(ContractIds) ?? [], result.GetValue(Datasets) ?? [], result.GetValue(Checks) ?? [],
                result.GetValue(Format), result.GetValue(Out), result.GetValue(Otel)),
            output, ProbeOptions.Default, token)));
        return command;
    }

    internal sealed record Arguments(string[] Paths, string[] Contracts, string[] Datasets, string[] Checks, ProbeFormat Format, string? Out, TelemetryExport Otel);

    internal static async Task<ExitCode> RunAsync(Arguments arguments, CommandOutput output, ProbeOptions options, CancellationToken cancellationToken)
    {
        var paths = arguments.Paths.Length > 0 ? arguments.Paths : ["contracts"];
        var files = ContractFiles.Discover(paths);
        foreach (var missing in files.Missing)
        {
            output.Error($"'{missing}' does not exist");
        }

        var configurationError = !files.Missing.IsEmpty;
        var contracts = new List<Contract>();
        foreach (var file in files.Files)
        {
            var loaded = await ContractLoader.LoadFileAsync(file, cancellationToken);
            if (loaded.Contract is null)
            {
                output.Error($"{file} does not load; run contractkit lint {file}");
                foreach (var diagnostic in loaded.Diagnostics.Where(d => d.IsError).Take(5))
                {
                    output.Err.WriteLine($"  {diagnostic}");
                }

                configurationError = true;
                continue;
            }

            contracts.Add(loaded.Contract);
        }

        contracts = NewestVersions(contracts, output);

        // Referenced schema files are not contracts: keep only documents that loaded as contracts.
        if (arguments.Contracts.Length > 0)
        {
            var unknown = arguments.Contracts.Where(id => contracts.All(c => c.Id.Value != id)).ToList();
            if (unknown.Count > 0)
            {
                output.Error($"no contract with id {string.Join(", ", unknown)}; found: {string.Join(", ", contracts.Select(c => c.Id.Value))}");
                return ExitCode.UsageOrIoError;
            }

            contracts = [.. contracts.Where(c => arguments.Contracts.Contains(c.Id.Value))];
        }

        if (arguments.Datasets.Length > 0)
        {
            var known = contracts.SelectMany(c => c.Datasets.Select(d => d.Name)).ToHashSet();
            var unknown = arguments.Datasets.Where(d => !known.Contains(d)).ToList();
            if (unknown.Count > 0)
            {
                output.Error($"no dataset {string.Join(", ", unknown)} in the contracts probed; they have: {string.Join(", ", known.Order())}");
                return ExitCode.UsageOrIoError;
            }
        }

        var runner = new ProbeRunner(options with
        {
            Datasets = arguments.Datasets.ToHashSet(StringComparer.Ordinal),
            Checks = arguments.Checks.ToHashSet(StringComparer.Ordinal),
        });
        var reports = new List<ProbeReport>();
        using (new TelemetrySetup(arguments.Otel))
        {
            foreach (var contract in contracts.Where(c => arguments.Datasets.Length == 0 || c.Datasets.Any(d => arguments.Datasets.Contains(d.Name))))
            {
                reports.Add(await runner.RunAsync(contract, cancellationToken));
            }
        }

        var exitCode = configurationError ? ExitCode.UsageOrIoError : ExitCodeOf(reports);

        IProbeWriter writer = arguments.Format switch
        {
            ProbeFormat.Json => new JsonProbeWriter(),
            ProbeFormat.Junit => new JUnitProbeWriter(),
            _ => new TextProbeWriter(),
        };
        if (arguments.Out is { } path)
        {
            await using var file = new StreamWriter(path);
            writer.Write(reports, exitCode, file);

            // The report goes to the file; the console gets the table whatever the format.
            writer = new TextProbeWriter();
        }

        writer.Write(reports, exitCode, output.Out);

        return exitCode;
    }

    /// <summary>
    /// A source is live now, so it is probed against the newest version of its contract: older
    /// versions kept beside it (contracts/history/ID/1.4.0.yaml, for diff and docs) are named on
    /// standard error and left out, rather than failing against a source that moved on.
    /// </summary>
    private static List<Contract> NewestVersions(List<Contract> contracts, CommandOutput output)
    {
        var kept = new List<Contract>();
        foreach (var versions in contracts.GroupBy(c => c.Id.Value, StringComparer.Ordinal))
        {
            var newest = versions.Aggregate((a, b) => b.Version.CompareTo(a.Version) > 0 ? b : a);
            kept.Add(newest);
            var older = versions.Where(c => !ReferenceEquals(c, newest)).ToList();
            if (older.Count > 0)
            {
                output.Err.WriteLine($"note: {newest.Id} {newest.Version} ({newest.Document.Path}) is probed; not its other versions: " +
                    string.Join(", ", older.Select(c => $"{c.Version} ({c.Document.Path})")));
            }
        }

        return kept;
    }

    /// <summary>2 when a check could not be made, 1 when a promise is broken, else 0 (the demo prints the same).</summary>
    internal static ExitCode ExitCodeOf(IEnumerable<ProbeReport> reports)
    {
        var results = reports.SelectMany(r => r.Results).ToList();
        return results.Any(r => r.Status == CheckStatus.Error) ? ExitCode.UsageOrIoError
            : results.Any(r => r.Status == CheckStatus.Fail) ? ExitCode.Findings
            : ExitCode.Ok;
    }
}
