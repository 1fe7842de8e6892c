using System.Net;
using System.Text.Json;
using ContractKit.Contracts.Loading;

namespace ContractKit.Mocks.Tests.Simulation;

/// <summary>The simulator's own HTTP endpoints, as curl (no credentials) reaches them.</summary>
public class AdminEndpointsTests
{
    private static Uri Admin(SimulatedOrders orders, string route = "") =>
        new(orders.Simulator.BaseUrl!, SourceSimulator.AdminPath + route);

    [Test]
    public async Task State_names_the_contract_profile_clock_and_records_served_without_credentials()
    {
        await using var orders = await SimulatedOrders.StartAsync("    flaky:\n      http: { errors: { \"503\": 100% } }\n");
        orders.Simulator.SwitchProfile("flaky");
        using var client = new HttpClient();

        using var response = await client.GetAsync(Admin(orders));
        using var state = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), "admin requests are neither faulted nor asked for the source's credentials");
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/json"));
        Assert.That(state.RootElement.GetProperty("contract").GetString(), Is.EqualTo(orders.Contract.Id.Value));
        Assert.That(state.RootElement.GetProperty("profile").GetString(), Is.EqualTo("flaky"));
        Assert.That(state.RootElement.GetProperty("now").GetString(), Is.EqualTo(SimulatedOrders.Start.ToString("O", System.Globalization.CultureInfo.InvariantCulture)));
        Assert.That(state.RootElement.GetProperty("datasets").GetProperty("orders").GetProperty("served").GetInt32(),
            Is.EqualTo(orders.Simulator.ServedCount("orders")));
    }

    [Test]
    public async Task Advance_moves_the_virtual_clock_and_rejects_a_missing_or_bad_duration()
    {
        await using var orders = await SimulatedOrders.StartAsync();
        using var client = new HttpClient();

        using var moved = await client.PostAsync(Admin(orders, "/advance?by=10m"), null);
        using var missing = await client.PostAsync(Admin(orders, "/advance"), null);
        using var bad = await client.PostAsync(Admin(orders, "/advance?by=ten"), null);

        Assert.That(moved.StatusCode, Is.EqualTo(HttpStatusCode.OK), await moved.Content.ReadAsStringAsync());
        Assert.That(orders.Clock.GetUtcNow(), Is.EqualTo(SimulatedOrders.Start.AddMinutes(10)));
        Assert.That(missing.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await missing.Content.ReadAsStringAsync(), Does.Contain("?by=10m"));
        Assert.That(bad.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await bad.Content.ReadAsStringAsync(), Does.Contain("ten"));
        Assert.That(orders.Clock.GetUtcNow(), Is.EqualTo(SimulatedOrders.Start.AddMinutes(10)), "a rejected move moves nothing");
    }

    [Test]
    public async Task Advance_is_refused_with_409_on_real_time()
    {
        var loaded = await ContractLoader.LoadFileAsync(TestRepository.Example("orders.yaml"));
        await using var simulator = SourceSimulator.Start(loaded.Contract!, new SimulatorOptions { Clock = TimeProvider.System });
        using var client = new HttpClient();

        using var response = await client.PostAsync(new Uri(simulator.BaseUrl!, SourceSimulator.AdminPath + "/advance?by=1m"), null);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("only a virtual clock can be advanced"));
    }

    [Test]
    public async Task Ledger_is_served_as_NDJSON_holding_every_record_and_fault()
    {
        await using var orders = await SimulatedOrders.StartAsync();
        orders.Clock.Advance(TimeSpan.FromMinutes(30));
        orders.Simulator.SwitchProfile("healthy");
        using var client = new HttpClient();

        using var response = await client.GetAsync(Admin(orders, "/ledger"));
        var lines = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        using var expected = new MemoryStream();
        orders.Simulator.Ledger.WriteNdjson(expected);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/x-ndjson"));
        Assert.That(lines, Has.Length.GreaterThan(1));
        Assert.That(string.Join('\n', lines) + "\n", Is.EqualTo(System.Text.Encoding.UTF8.GetString(expected.ToArray())));
        Assert.That(lines, Has.Some.Contains("switched to healthy"));
    }

    [Test]
    public async Task An_unknown_route_is_404_listing_the_endpoints_and_a_wrong_method_is_405_with_Allow()
    {
        await using var orders = await SimulatedOrders.StartAsync();
        using var client = new HttpClient();

        using var unknown = await client.GetAsync(Admin(orders, "/nope"));
        using var wrongMethod = await client.DeleteAsync(Admin(orders, "/ledger"));
        using var getProfile = await client.GetAsync(Admin(orders, "/profile/drift"));

        Assert.That(unknown.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(await unknown.Content.ReadAsStringAsync(), Does.Contain("PUT /__simulator/profile/NAME"));
        Assert.That(wrongMethod.StatusCode, Is.EqualTo(HttpStatusCode.MethodNotAllowed));
        Assert.That(wrongMethod.Content.Headers.Allow, Is.EquivalentTo(new[] { "GET" }));
        Assert.That(getProfile.StatusCode, Is.EqualTo(HttpStatusCode.MethodNotAllowed));
        Assert.That(orders.Simulator.Profile, Is.Null, "a GET switches nothing");
    }
}
