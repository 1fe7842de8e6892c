using System.CommandLine;
using System.Globalization;
using ContractKit.Contracts.Model.Simulation;
using ContractKit.Mocks;
using ContractKit.Mocks.Clock;
using ContractKit.Mocks.Generation;
using ContractKit.Mocks.Ledger;

namespace ContractKit.Cli.Commands.Simulate;

/// <summary><c>contractkit simulate CONTRACT</c>: serves a simulated source until Ctrl-C.</summary>
internal static class SimulateCommand
{
    private static readonly Argument<string> ContractPath = new("contract") { Description = "The contract whose source to simulate" };

    private static readonly Option<string?> Profile = new("--profile") { Description = "Fault profile to start with (from simulation.profiles); switch later with PUT /__simulator/profile/NAME" };

    private static readonly Option<int> Port = new("--port") { DefaultValueFactory = _ => 0, Description = "Port for HTTP sources (default: a free one)" };

    private static readonly Option<long?> Seed = new("--seed") { Description = "Overrides simulation.seed" };

    private static readonly Option<string> Speed = new("--speed") { DefaultValueFactory = _ => "1x", Description = "How fast simulated time runs: 60x is an hour per minute" };

    private static readonly Option<string?> LedgerPath = new("--ledger") { Description = "Write the ground-truth ledger (NDJSON) here on exit" };

    private static readonly Option<string?> Drops = new("--drops") { Description = "For file sources: the folder to write drops to (default: the contract's files root)" };

    public static Command Create(CliContext cli)
    {
        var command = new Command("simulate", "Serve a simulated source from a contract until Ctrl-C: realistic records, chosen faults, a ground-truth ledger.")
        {
            ContractPath, Profile, Port, Seed, Speed, LedgerPath, Drops,
        };
        Port.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is < 0 or > 65535)
            {
                result.AddError("--port must be 0 (any free port) to 65535");
            }
        });
        command.SetAction((result, token) => cli.RunAsync(output => RunAsync(
            new Arguments(result.GetValue(ContractPath)!, result.GetValue(Profile), result.GetValue(Port), result.GetValue(Seed), result.GetValue(Speed)!, result.GetValue(LedgerPath), result.GetValue(Drops)),
            output, token)));
        return command;
    }

    internal sealed record Arguments(string Contract, string? Profile, int Port, long? Seed, string Speed, string? Ledger, string? Drops);

    internal static async Task<ExitCode> RunAsync(Arguments arguments, CommandOutput output, CancellationToken cancellationToken)
    {
        if (!TryParseSpeed(arguments.Speed, out var speed))
        {
            output.Error($"'{arguments.Speed}' is not a speed: write a positive factor such as 1x, 60x or 0.5x");
            return ExitCode.UsageOrIoError;
        }

        // Checked now, not when the ledger is written at Ctrl-C: a typo must not cost the whole run's ledger.
        if (arguments.Ledger is { } ledgerPath && Path.GetDirectoryName(Path.GetFullPath(ledgerPath)) is { } folder && !Directory.Exists(folder))
        {
            output.Error($"--ledger {ledgerPath}: the folder {folder} does not exist");
            return ExitCode.UsageOrIoError;
        }

        if (await ContractArgument.LoadAsync(arguments.Contract, output, cancellationToken) is not { } contract)
        {
            return ExitCode.UsageOrIoError;
        }

        SourceSimulator simulator;
        try
        {
            simulator = SourceSimulator.Start(contract, new SimulatorOptions
            {
                Profile = arguments.Profile,
                Port = arguments.Port,
                Seed = arguments.Seed,
                Clock = speed == 1 ? null : new ScaledClock(DateTimeOffset.UtcNow, speed),
                DropFolder = arguments.Drops,
            });
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or GenerationException or IOException)
        {
            output.Error(e.Message);
            return ExitCode.UsageOrIoError;
        }

        await using (simulator)
        {
            output.Out.WriteLine($"simulating {contract.Id} {contract.Version} ({contract.Source.Kind.ToString().ToLowerInvariant()}), profile {simulator.Profile ?? "healthy"}, seed {arguments.Seed ?? contract.Simulation?.Seed ?? SimulationSettings.DefaultSeed}, speed {speed.ToString("0.##", CultureInfo.InvariantCulture)}x — Ctrl-C to stop");
            foreach (var dataset in contract.Datasets)
            {
                output.Out.WriteLine(simulator.BaseUrl is not null
                    ? $"  {dataset.Name}: {simulator.UrlOf(dataset.Name)}"
                    : $"  {dataset.Name}: drops under {simulator.DropRoot}");
            }

            if (simulator.BaseUrl is { } url)
            {
                output.Out.WriteLine($"  admin: {new Uri(url, SourceSimulator.AdminPath)} (PUT {SourceSimulator.AdminPath}/profile/NAME, GET {SourceSimulator.AdminPath}/ledger)");
                output.Out.WriteLine($"  profiles: {(simulator.Profiles.Count == 0 ? "none" : string.Join(", ", simulator.Profiles))}");
            }

            if (simulator.Environment.Count > 0)
            {
                output.Out.WriteLine($"  export {string.Join(' ', simulator.Environment.Select(e => $"{e.Key}={e.Value}"))}");
            }

            output.Out.Flush();
            try
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                // Ctrl-C is how a simulation ends.
            }

            output.Out.WriteLine($"stopped: {LedgerSummary.Of(simulator.Ledger)}");
            if (arguments.Ledger is { } path)
            {
                await using var file = File.Create(path);
                simulator.Ledger.WriteNdjson(file);
                output.Out.WriteLine($"ledger: {simulator.Ledger.Records.Count} records, {simulator.Ledger.Faults.Count} faults written to {path}");
            }
        }

        return ExitCode.Ok;
    }

    private static bool TryParseSpeed(string text, out double speed) =>
        double.TryParse(text.TrimEnd('x', 'X'), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out speed) && speed > 0;
}
