using ContractKit.Contracts.Loading;
using ContractKit.Contracts.Model;
using ContractKit.Contracts.Secrets;
using ContractKit.Mocks.Clock;
using ContractKit.Probes;
using ContractKit.Probes.Results;

namespace ContractKit.Mocks.Tests.Simulation;

/// <summary>The orders example with profiles a test chooses, simulated on a virtual clock.</summary>
internal sealed class SimulatedOrders : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 11, 27, 12, 0, 0, TimeSpan.Zero);

    private readonly TempFolder _folder;

    private SimulatedOrders(TempFolder folder, Contract contract, SourceSimulator simulator, VirtualClock clock)
    {
        _folder = folder;
        Contract = contract;
        Simulator = simulator;
        Clock = clock;
    }

    public Contract Contract { get; }

    public SourceSimulator Simulator { get; }

    public VirtualClock Clock { get; }

    /// <summary>orders.yaml with its simulation profiles replaced (YAML, indented as under profiles:) and the request timeout given.</summary>
    public static async Task<SimulatedOrders> StartAsync(string profiles = "", string timeout = "10s", long seed = 42)
    {
        var text = await File.ReadAllTextAsync(TestRepository.Example("orders.yaml"));
        var start = text.IndexOf("  profiles:", StringComparison.Ordinal);
        text = text[..start] + (profiles.Length == 0 ? "" : "  profiles:\n" + profiles) + "\n";
        text = text.Replace("  timeout: 10s", $"  timeout: {timeout}", StringComparison.Ordinal).Replace("seed: 42", $"seed: {seed}", StringComparison.Ordinal);
        var folder = new TempFolder();
        var path = folder.Write("orders.yaml", text);
        var loaded = await ContractLoader.LoadFileAsync(path);
        Assert.That(loaded.Diagnostics.Where(d => d.IsError), Is.Empty, string.Join("\n", loaded.Diagnostics));
        var clock = new VirtualClock(Start);
        var simulator = SourceSimulator.Start(loaded.Contract!, new SimulatorOptions { Clock = clock });
        return new SimulatedOrders(folder, loaded.Contract!, simulator, clock);
    }

    /// <summary>A client with the credentials orders.yaml asks for (a bearer token).</summary>
    public static HttpClient Authenticated() =>
        new() { DefaultRequestHeaders = { Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", SourceSimulator.Token) } };

    public Task<ProbeReport> ProbeAsync(int retries = 2) =>
        new ProbeRunner(new ProbeOptions { TimeProvider = Clock, HttpRetries = retries, Timeout = TimeSpan.FromSeconds(20) },
            new EnvironmentSecretResolver(_folder.Path, name => Simulator.Environment.GetValueOrDefault(name))).RunAsync(Contract);

    public async ValueTask DisposeAsync()
    {
        await Simulator.DisposeAsync();
        _folder.Dispose();
    }
}
