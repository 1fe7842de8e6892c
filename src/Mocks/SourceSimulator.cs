using System.Buffers;
using System.Collections.Immutable;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using ContractKit.Contracts.Model;
using ContractKit.Contracts.Model.Datasets;
using ContractKit.Contracts.Model.Simulation;
using ContractKit.Contracts.Model.Sources;
using ContractKit.Contracts.Secrets;
using ContractKit.Contracts.Values;
using ContractKit.Mocks.Clock;
using ContractKit.Mocks.Faults;
using ContractKit.Mocks.Faults.Connections;
using ContractKit.Mocks.Faults.InProcess;
using ContractKit.Mocks.Feeds;
using ContractKit.Mocks.Files;
using ContractKit.Mocks.Generation;
using ContractKit.Mocks.Http;
using ContractKit.Mocks.Ledger;
using ContractKit.Mocks.Randomness;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Settings;

namespace ContractKit.Mocks;

/// <summary>
/// A simulated source, started from its contract: HTTP datasets are served at their paths with
/// their pagination by a WireMock.Net server whose own connections carry real faults (refused,
/// reset, hung, cut); file datasets are written as drops. Records are generated deterministically from the
/// seed, arrive at the contract's rate, some late, some twice, some broken on purpose; every record
/// and every injected fault goes to the <see cref="Ledger"/>. Dispose to stop everything.
/// </summary>
public sealed class SourceSimulator : IAsyncDisposable
{
    /// <summary>The prefix of the simulator's own endpoints, which faults never touch.</summary>
    public const string AdminPath = "/__simulator";

    /// <summary>The bearer token the simulator hands out for <c>${env:…}</c> credentials.</summary>
    public const string Token = "simulated-token";

    private readonly Contract _contract;
    private readonly SimulationSettings _settings;
    private readonly ProfileHistory _profiles;
    private readonly Dictionary<string, DatasetFeed> _feeds = new(StringComparer.Ordinal);
    private readonly Dictionary<string, FileDropWriter> _drops = new(StringComparer.Ordinal);
    private readonly WireMockServer? _server;
    private readonly InProcessFaults? _faults;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _ticking = Task.CompletedTask;

    private SourceSimulator(Contract contract, SimulatorOptions options)
    {
        _contract = contract;
        Clock = options.Clock ?? TimeProvider.System;
        var simulation = contract.Simulation ?? new SimulationSettings(SimulationSettings.DefaultSeed, SimulationSettings.DefaultRate, null, Percentage.Zero, ImmutableDictionary<string, FaultProfile>.Empty);
        _settings = options.Seed is { } seed ? simulation with { Seed = seed } : simulation;
        var start = Clock.GetUtcNow();
        _profiles = new ProfileHistory(start, options.Profile, Resolve(options.Profile));
        Profile = options.Profile;
        var first = start - (options.History ?? DefaultHistory(contract, _settings));

        foreach (var dataset in contract.Datasets)
        {
            var generator = RecordGenerator.For(dataset);
            var injector = ViolationInjector.For(dataset);
            var datasetSeed = Seeds.Mix((ulong)_settings.Seed, Seeds.Of(dataset.Name));
            _feeds[dataset.Name] = new DatasetFeed(dataset.Name, _settings, _profiles, Ledger,
                Renderer(dataset, generator, injector, datasetSeed), [.. Enum.GetValues<ViolationKind>().Where(injector.IsApplicable)], first);
        }

        if (contract.Source is HttpSource)
        {
            (_server, _faults) = StartHttp(contract, options);
            BaseUrl = new Uri($"http://{IPAddress.Loopback}:{_server.Port}/");
        }
        else if (contract.Source is FilesSource files)
        {
            var root = options.DropFolder ?? Path.GetFullPath(Path.Combine(contract.BaseDirectory, files.Root));
            foreach (var dataset in contract.Datasets)
            {
                _drops[dataset.Name] = new FileDropWriter((FilesLocation)dataset.Location, _feeds[dataset.Name], root);
            }

            DropRoot = root;
        }
        else
        {
            throw new NotSupportedException($"simulating {contract.Source.Kind.ToString().ToLowerInvariant()} sources is not supported yet; http and files are");
        }

        Tick(start);
        if (Clock is VirtualClock virtualClock)
        {
            virtualClock.Advanced += Tick;
        }
        else
        {
            _ticking = TickAsync(_stopping.Token);
        }
    }

    /// <summary>Starts a simulator for the contract's source.</summary>
    /// <param name="contract">The contract.</param>
    /// <param name="options">How to run; null uses the defaults (healthy, free port, real time).</param>
    /// <exception cref="ArgumentException">The profile is not one the contract defines.</exception>
    /// <exception cref="GenerationException">A dataset's schema has a constraint records cannot be generated for.</exception>
    /// <exception cref="NotSupportedException">The source kind, a file format or a pagination layout cannot be simulated.</exception>
    public static SourceSimulator Start(Contract contract, SimulatorOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(contract);
        return new SourceSimulator(contract, options ?? new SimulatorOptions());
    }

    /// <summary>The simulated clock.</summary>
    public TimeProvider Clock { get; }

    /// <summary>Every record generated and every fault injected.</summary>
    public GroundTruthLedger Ledger { get; } = new();

    /// <summary>The active fault profile; null when healthy.</summary>
    public string? Profile { get; private set; }

    /// <summary>The profiles the contract defines.</summary>
    public IReadOnlyCollection<string> Profiles => [.. _settings.Profiles.Keys.Order(StringComparer.Ordinal)];

    /// <summary>The base URL of an HTTP source, <c>http://127.0.0.1:PORT/</c>; null for file sources.</summary>
    public Uri? BaseUrl { get; }

    /// <summary>The root folder of a file source's drops; null for HTTP sources.</summary>
    public string? DropRoot { get; }

    /// <summary>The URL of an HTTP dataset.</summary>
    public Uri UrlOf(string dataset) =>
        BaseUrl is not null && _contract.FindDataset(dataset)?.Location is HttpLocation http
            ? new Uri(BaseUrl, http.Path)
            : throw new ArgumentException($"'{dataset}' is not an HTTP dataset of {_contract.Id}", nameof(dataset));

    /// <summary>Records served so far in a dataset.</summary>
    public int ServedCount(string dataset) => _feeds[dataset].Count;

    /// <summary>
    /// Values for the environment variables the contract's secret references name, so a probe or an
    /// ingestion resolves them to this simulator: the base URL for a <c>baseUrl</c> reference,
    /// <see cref="Token"/> for credentials.
    /// </summary>
    public IReadOnlyDictionary<string, string> Environment
    {
        get
        {
            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            if (_contract.Source is HttpSource http)
            {
                foreach (var reference in http.BaseUrl.References.Where(r => r.Provider == SecretProvider.Environment))
                {
                    values[reference.Name] = BaseUrl!.ToString().TrimEnd('/');
                }

                var credentials = http.Auth switch
                {
                    BearerAuth b => b.Token.References,
                    BasicAuth b => b.Username.References.Concat(b.Password.References),
                    HeaderAuth h => h.Value.References,
                    _ => [],
                };
                foreach (var reference in credentials.Concat(http.Headers.Values.SelectMany(v => v.References)).Where(r => r.Provider == SecretProvider.Environment))
                {
                    values.TryAdd(reference.Name, Token);
                }
            }

            return values;
        }
    }

    /// <summary>Switches the fault profile from now on; null or "healthy" switches faults off.</summary>
    /// <exception cref="ArgumentException">The contract defines no such profile; the message lists the ones it has.</exception>
    public void SwitchProfile(string? name)
    {
        name = name is "healthy" ? null : name;
        var profile = Resolve(name);
        var now = Clock.GetUtcNow();
        _profiles.Switch(now, name, profile);
        Profile = name;
        Ledger.Add(new LedgerFault(now, LedgerFault.ProfileSwitch, "", name is null ? "switched to healthy" : $"switched to profile '{name}'"));
        Tick(now);
    }

    /// <summary>Brings drops and the connection state up to the clock (done by itself as time passes).</summary>
    public void Tick() => Tick(Clock.GetUtcNow());

    private void Tick(DateTimeOffset now)
    {
        foreach (var drop in _drops.Values)
        {
            drop.Flush(now);
        }

        _faults?.SetRefusing(_profiles.OutageAt(now) is { Step.Mode: OutageKind.Refuse });
        foreach (var feed in _feeds.Values)
        {
            feed.CatchUp(now);
        }
    }

    private async Task TickAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(200));
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
            {
                Tick(Clock.GetUtcNow());
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private FaultProfile? Resolve(string? name) =>
        name is null or "healthy" ? null
        : _settings.Profiles.TryGetValue(name, out var profile) ? profile
        : throw new ArgumentException($"{_contract.Id} has no simulation profile '{name}'; it has: {(Profiles.Count == 0 ? "none" : string.Join(", ", Profiles))}");

    /// <summary>Enough event time before the start for freshness, volume windows and lateness to have data.</summary>
    private static TimeSpan DefaultHistory(Contract contract, SimulationSettings settings)
    {
        var longest = contract.Datasets
            .SelectMany(d => new[] { d.Freshness?.Fail, d.Freshness?.Warn, d.Volume?.Per })
            .Append(settings.Late?.UpTo)
            .OfType<Duration>()
            .Select(d => d.ToTimeSpan())
            .DefaultIfEmpty(TimeSpan.FromHours(1))
            .Max();
        return TimeSpan.FromTicks(Math.Clamp(longest.Ticks * 2, TimeSpan.FromHours(1).Ticks, TimeSpan.FromDays(7).Ticks));
    }

    private static RecordRenderer Renderer(Dataset dataset, RecordGenerator generator, ViolationInjector injector, ulong datasetSeed) => (index, eventTime, violation) =>
    {
        var recordSeed = Seeds.Mix(datasetSeed, (ulong)index, 100);
        var overrides = new RecordOverrides { EventTime = eventTime, KeySequence = index };
        if (violation is { } kind && injector.Inject(generator.Generate(recordSeed, overrides), kind, recordSeed) is { } injected)
        {
            var broken = JsonSerializer.SerializeToUtf8Bytes(injected.Record);
            return (broken, KeyOf(dataset, broken), kind);
        }

        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            generator.Write(writer, recordSeed, overrides);
        }

        var json = buffer.WrittenSpan.ToArray();
        return (json, KeyOf(dataset, json), null);
    };

    private static string KeyOf(Dataset dataset, byte[] json)
    {
        using var parsed = JsonDocument.Parse(json);
        return RecordKeys.Of(parsed.RootElement, dataset.Key);
    }

    private (WireMockServer Server, InProcessFaults Faults) StartHttp(Contract contract, SimulatorOptions options)
    {
        var seed = Seeds.Mix((ulong)_settings.Seed, Seeds.Of("requests"));
        var requestFaults = new RequestFaults(_profiles, Clock, Ledger, seed);
        var credentials = SimulatedCredentials.For(((HttpSource)contract.Source).Auth, Token);

        // Latency is real time, whatever the simulated clock.
        var faults = new InProcessFaults(http => Decide(requestFaults, credentials, http), TimeProvider.System);
        var server = WireMockServer.Start(new WireMockServerSettings
        {
            Urls = [$"http://{IPAddress.Loopback}:{options.Port}"],
            MaxRequestLogCount = options.MaxRequestLogCount,
            StartAdminInterface = false,
            AdditionalServiceRegistration = faults.Register,
            PreWireMockMiddlewareInit = app =>
            {
                var builder = (IApplicationBuilder)app;

                // Kestrel writes its own Date header over the application's; the simulated source's clock
                // is the simulator's, so it is stamped as the response starts.
                builder.Use(async (HttpContext http, Func<Task> next) =>
                {
                    http.Response.OnStarting(() =>
                    {
                        http.Response.Headers.Date = Clock.GetUtcNow().ToString("r", CultureInfo.InvariantCulture);
                        return Task.CompletedTask;
                    });
                    await next().ConfigureAwait(false);
                });

                // The simulator's own endpoints come before the faults: they stay reachable in an outage
                // (but for a refused one: nothing listens then).
                var admin = new AdminEndpoints(this);
                builder.Use(next => http => admin.InvokeAsync(http, next));
                faults.Use(builder);
            },
        });
        foreach (var dataset in contract.Datasets)
        {
            var location = (HttpLocation)dataset.Location;
            var endpoint = new DatasetEndpoint(location, _feeds[dataset.Name], Clock, now => _profiles.At(now).Profile?.Pagination, Ledger, Seeds.Mix(seed, Seeds.Of(dataset.Name)));
            server.Given(Request.Create().WithPath(location.Path).UsingGet()).RespondWith(Response.Create().WithCallback(endpoint.Handle));
        }

        return (server, faults);
    }

    private static ProxyDecision Decide(RequestFaults faults, SimulatedCredentials? credentials, HttpContext http)
    {
        // The request target as sent (path and query, undecoded), as the ledger names requests.
        var target = http.Features.Get<IHttpRequestFeature>()!.RawTarget;
        var headers = http.Request.Headers;
        string? Header(string name) => headers.TryGetValue(name, out var values) && values.Count > 0 ? values[0] : null;

        // Faults come first: an outage or a gateway's 503 does not wait for the application to check credentials.
        var decision = faults.Decide(http.Request.Method, target, Header);
        return decision is ProxyDecision.Pass && credentials is not null && !credentials.Accept(Header) ? credentials.Challenge() : decision;
    }

    /// <summary>What <c>GET /__simulator</c> answers: the contract, profile, clock and records served per dataset.</summary>
    internal Dictionary<string, object?> State() => new()
    {
        ["contract"] = _contract.Id.Value,
        ["profile"] = Profile ?? "healthy",
        ["profiles"] = Profiles,
        ["now"] = Clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture),
        ["datasets"] = _feeds.ToDictionary(f => f.Key, f => (object)new Dictionary<string, int> { ["served"] = f.Value.Count }),
    };

    /// <summary>Stops the server (with its fault layer) and the clock's ticking.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Clock is VirtualClock virtualClock)
        {
            virtualClock.Advanced -= Tick;
        }

        await _stopping.CancelAsync().ConfigureAwait(false);
        await _ticking.ConfigureAwait(false);

        // Hung requests would hold the server's graceful stop until its timeout.
        _faults?.Stop();
        _server?.Stop();
        _server?.Dispose();
        _stopping.Dispose();
    }
}
