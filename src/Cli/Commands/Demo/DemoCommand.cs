using System.CommandLine;
using ContractKit.Cli.Commands.Probe;
using ContractKit.Contracts.Loading;
using ContractKit.Contracts.Model;
using ContractKit.Contracts.Secrets;
using ContractKit.Mocks;
using ContractKit.Mocks.Clock;
using ContractKit.Mocks.Ledger;
using ContractKit.Probes;
using ContractKit.Probes.Results;

namespace ContractKit.Cli.Commands.Demo;

/// <summary>
/// <c>contractkit demo</c>: simulators for the example HTTP and file-drop contracts, probed while
/// healthy, while drifting and through an outage, on one virtual clock — what ContractKit catches,
/// in a minute, with nothing to set up.
/// </summary>
internal static class DemoCommand
{
    private static readonly Option<string> Contracts = new("--contracts") { DefaultValueFactory = _ => "contracts", Description = "Folder holding orders.yaml and clickstream.yaml" };

    public static Command Create(CliContext cli)
    {
        var command = new Command("demo", "Simulate the example sources, break them on purpose and show what the probes catch.") { Contracts };
        command.SetAction((result, token) => cli.RunAsync(output => RunAsync(result.GetValue(Contracts)!, output, token)));
        return command;
    }

    internal static async Task<ExitCode> RunAsync(string contracts, CommandOutput output, CancellationToken cancellationToken)
    {
        var ordersPath = Path.Combine(contracts, "orders.yaml");
        var clicksPath = Path.Combine(contracts, "clickstream.yaml");
        if (!File.Exists(ordersPath) || !File.Exists(clicksPath))
        {
            output.Error($"the demo needs {ordersPath} and {clicksPath}: run it from the repository's root, or name the folder with --contracts");
            return ExitCode.UsageOrIoError;
        }

        // The file drop is written beside a copy of its contract, so nothing lands in the repository.
        var workspace = Directory.CreateTempSubdirectory("contractkit-demo-");
        try
        {
            File.Copy(clicksPath, Path.Combine(workspace.FullName, "clickstream.yaml"));
            CopyFolder(Path.Combine(contracts, "schemas"), Path.Combine(workspace.FullName, "schemas"));
            var orders = await LoadAsync(ordersPath, cancellationToken);
            var clicks = await LoadAsync(Path.Combine(workspace.FullName, "clickstream.yaml"), cancellationToken);
            var clock = new VirtualClock(DateTimeOffset.UtcNow);
            await using var ordersSource = SourceSimulator.Start(orders, new SimulatorOptions { Clock = clock });
            await using var clicksSource = SourceSimulator.Start(clicks, new SimulatorOptions { Clock = clock });
            var runner = new ProbeRunner(new ProbeOptions { TimeProvider = clock }, new EnvironmentSecretResolver(contracts, name => ordersSource.Environment.GetValueOrDefault(name)));
            var writer = new TextProbeWriter();
            var acts = new List<(string Title, List<ProbeReport> Reports, bool Caught)>();

            // Each act states what it stages; the demo checks the probes caught exactly that.
            async Task Act(string title, string story, Func<List<CheckResult>, bool> expected, params Contract[] probed)
            {
                output.Out.WriteLine();
                output.Out.WriteLine($"━━ {title} ━━ (simulated time {clock.GetUtcNow():yyyy-MM-dd HH:mm} UTC)");
                output.Out.WriteLine(story);
                var reports = new List<ProbeReport>();
                foreach (var contract in probed)
                {
                    reports.Add(await runner.RunAsync(contract, cancellationToken));
                }

                writer.Write(reports, ProbeCommand.ExitCodeOf(reports), output.Out);
                acts.Add((title, reports, expected([.. reports.SelectMany(r => r.Results)])));
            }

            static bool Is(List<CheckResult> results, string dataset, string check, CheckStatus status) =>
                results.Any(r => r.Dataset == dataset && r.CheckId == check && r.Status == status);

            output.Out.WriteLine("ContractKit demo: two simulated sources built from contracts/ — the orders REST API (orders.yaml) and");
            output.Out.WriteLine($"the web clickstream file drop (clickstream.yaml, written under {workspace.FullName}) — probed on one virtual clock.");
            output.Out.WriteLine($"The orders API runs at {ordersSource.BaseUrl}; the simulators keep a ledger of every record and fault they inject.");

            await Act("1/4 no fault profile",
                "The sources behave as their contracts' simulation: blocks say — 5% of orders arrive up to 2h late, 1% of orders and 0.5% of\n" +
                "clicks are delivered twice. The contracts promise no duplicates, so the duplicates checks catch the repeats; the rest passes.",
                r => Is(r, "orders", "duplicates:order_id", CheckStatus.Fail) && Is(r, "orders", "schema", CheckStatus.Pass) && Is(r, "clicks", "freshness", CheckStatus.Pass),
                orders, clicks);

            ordersSource.SwitchProfile("drift");
            clicksSource.SwitchProfile("drift");
            clock.Advance(TimeSpan.FromHours(1));
            await Act("2/4 profile 'drift'", "An hour of records in which a share break the schema: wrong types, missing fields, unknown enum values…",
                r => Is(r, "orders", "schema", CheckStatus.Fail) && Is(r, "clicks", "schema", CheckStatus.Fail), orders, clicks);

            ordersSource.SwitchProfile("outage");
            clicksSource.SwitchProfile("outage");
            clock.Advance(TimeSpan.FromMinutes(11));
            await Act("3/4 profile 'outage', ten minutes in", "The orders API resets every connection (TCP RST) for five minutes; nothing can be checked.",
                r => Is(r, "orders", "freshness", CheckStatus.Error) && Is(r, "orders", "errorRate", CheckStatus.Fail), orders);

            clock.Advance(TimeSpan.FromHours(7));
            await Act("4/4 seven hours later", "The API came back and backfilled what it produced during the outage; the click drop has written nothing for seven hours.",
                r => Is(r, "orders", "freshness", CheckStatus.Pass) && Is(r, "clicks", "freshness", CheckStatus.Fail), orders, clicks);

            output.Out.WriteLine();
            output.Out.WriteLine("━━ what the probes caught ━━");
            var failures = 0;
            foreach (var (title, reports, caughtAsStaged) in acts)
            {
                var caught = reports.SelectMany(r => r.Results).Where(r => r.Status is CheckStatus.Fail or CheckStatus.Error).ToList();
                output.Out.WriteLine($"  {title}: {(caught.Count == 0 ? "nothing" : string.Join(", ", caught.Select(c => $"{c.Dataset}/{c.CheckId} {c.Status.ToString().ToLowerInvariant()}").Distinct()))}");
                failures += caughtAsStaged ? 0 : 1;
            }

            output.Out.WriteLine($"  ledger: {LedgerSummary.Of(ordersSource.Ledger, clicksSource.Ledger)}");
            if (failures > 0)
            {
                output.Error("the demo did not catch what it stages; this is a bug in contractkit");
                return ExitCode.InternalError;
            }

            output.Out.WriteLine("Next: ./contractkit simulate contracts/orders.yaml --profile flaky, and point your ingestion at it.");
            return ExitCode.Ok;
        }
        finally
        {
            workspace.Delete(recursive: true);
        }
    }

    private static async Task<Contract> LoadAsync(string path, CancellationToken cancellationToken) =>
        (await ContractLoader.LoadFileAsync(path, cancellationToken)).Contract
        ?? throw new InvalidOperationException($"{path} does not load; run contractkit lint {path}");

    private static void CopyFolder(string from, string to)
    {
        if (!Directory.Exists(from))
        {
            return;
        }

        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
