using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;

namespace ContractKit.Mocks.Tests.Simulation;

public class SimulatorBehaviourTests
{
    private static async Task<List<string>> Walk(SimulatedOrders orders, int pages)
    {
        using var client = SimulatedOrders.Authenticated();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", SourceSimulator.Token);
        var bodies = new List<string>();
        string? cursor = null;
        for (var i = 0; i < pages; i++)
        {
            var body = await client.GetStringAsync(new Uri(orders.Simulator.UrlOf("orders"), cursor is null ? "" : $"?cursor={cursor}"));
            bodies.Add(body);
            using var page = System.Text.Json.JsonDocument.Parse(body);
            cursor = page.RootElement.GetProperty("next").GetString();
            if (cursor is null)
            {
                break;
            }
        }

        return bodies;
    }

    [Test]
    public async Task The_same_seed_and_clock_moves_give_byte_identical_responses()
    {
        await using var first = await SimulatedOrders.StartAsync();
        await using var second = await SimulatedOrders.StartAsync();
        await using var otherSeed = await SimulatedOrders.StartAsync(seed: 7);
        foreach (var orders in new[] { first, second, otherSeed })
        {
            orders.Clock.Advance(TimeSpan.FromMinutes(45));
        }

        var a = await Walk(first, 5);
        var b = await Walk(second, 5);
        var c = await Walk(otherSeed, 5);

        Assert.That(a, Has.Count.EqualTo(5));
        Assert.That(b, Is.EqualTo(a));
        Assert.That(c, Is.Not.EqualTo(a));
    }

    [Test]
    public async Task Pages_are_newest_first_and_cursors_survive_new_arrivals()
    {
        await using var orders = await SimulatedOrders.StartAsync();
        using var client = SimulatedOrders.Authenticated();
        using var firstPage = System.Text.Json.JsonDocument.Parse(await client.GetStringAsync(orders.Simulator.UrlOf("orders")));
        var cursor = firstPage.RootElement.GetProperty("next").GetString();
        // Newest first means most recently visible first; a late arrival's created_at is older than its neighbours'.
        // (Records the source serves twice are left out: their key names two positions.)
        var sequences = orders.Simulator.Ledger.Records.Where(r => r.Sequence is not null).GroupBy(r => r.Key).Where(g => g.Count() == 1).ToDictionary(g => g.Key, g => g.Single().Sequence!.Value);
        var served = firstPage.RootElement.GetProperty("data").EnumerateArray().Select(r => r.GetProperty("order_id").GetString()!).ToList();
        Assert.That(served, Has.Count.GreaterThan(10));
        Assert.That(served.Where(sequences.ContainsKey).Select(k => sequences[k]), Is.Ordered.Descending);

        var before = await client.GetStringAsync(new Uri(orders.Simulator.UrlOf("orders"), $"?cursor={cursor}"));
        orders.Clock.Advance(TimeSpan.FromHours(1));
        var after = await client.GetStringAsync(new Uri(orders.Simulator.UrlOf("orders"), $"?cursor={cursor}"));
        Assert.That(after, Is.EqualTo(before), "a cursor names the same records however many arrived since");
    }

    [TestCase(null, HttpStatusCode.Unauthorized)]
    [TestCase("Bearer wrong-token", HttpStatusCode.Unauthorized)]
    [TestCase("Basic c2ltdWxhdGVkLXRva2Vu", HttpStatusCode.Unauthorized)]
    [TestCase("bearer " + SourceSimulator.Token, HttpStatusCode.OK)]
    public async Task Requests_without_the_contracts_credentials_get_401_as_from_the_real_source(string? authorization, HttpStatusCode expected)
    {
        await using var orders = await SimulatedOrders.StartAsync();
        using var client = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, orders.Simulator.UrlOf("orders"));
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        using var response = await client.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(expected));
        if (expected == HttpStatusCode.Unauthorized)
        {
            Assert.That(response.Headers.WwwAuthenticate.Single().Scheme, Is.EqualTo("Bearer"));
            Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("missing or wrong credentials"));
        }
    }

    [Test]
    public async Task Connection_faults_surface_in_HttpClient_as_real_ones_do()
    {
        await using var orders = await SimulatedOrders.StartAsync("    reset:\n      timeline: [ { after: 0m, for: 1h, mode: reset } ]\n    refuse:\n      timeline: [ { after: 0m, for: 1h, mode: refuse } ]\n");
        using var client = SimulatedOrders.Authenticated();

        orders.Simulator.SwitchProfile("reset");
        var reset = Assert.ThrowsAsync<HttpRequestException>(() => client.GetAsync(orders.Simulator.UrlOf("orders")))!;
        Assert.That(Inner<SocketException>(reset)?.SocketErrorCode, Is.EqualTo(SocketError.ConnectionReset));

        orders.Simulator.SwitchProfile("refuse");
        var refused = Assert.ThrowsAsync<HttpRequestException>(() => SimulatedOrders.Authenticated().GetAsync(orders.Simulator.UrlOf("orders")))!;
        Assert.That(refused.HttpRequestError, Is.EqualTo(HttpRequestError.ConnectionError));
        Assert.That(Inner<SocketException>(refused)?.SocketErrorCode, Is.EqualTo(SocketError.ConnectionRefused));

        orders.Simulator.SwitchProfile(null);
        using var healthy = await SimulatedOrders.Authenticated().GetAsync(orders.Simulator.UrlOf("orders"));
        Assert.That(healthy.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the same port answers again once the outage ends");
    }

    [Test]
    public async Task Profiles_switch_through_the_admin_endpoint_and_unknown_ones_are_named()
    {
        await using var orders = await SimulatedOrders.StartAsync("    flaky:\n      http: { errors: { \"503\": 100% } }\n");
        using var client = SimulatedOrders.Authenticated();
        var admin = new Uri(orders.Simulator.BaseUrl!, SourceSimulator.AdminPath + "/profile/flaky");

        using var switched = await client.PutAsync(admin, null);
        using var failing = await client.GetAsync(orders.Simulator.UrlOf("orders"));
        using var unknown = await client.PutAsync(new Uri(orders.Simulator.BaseUrl!, SourceSimulator.AdminPath + "/profile/nope"), null);

        Assert.That(switched.StatusCode, Is.EqualTo(HttpStatusCode.OK), await switched.Content.ReadAsStringAsync());
        Assert.That(orders.Simulator.Profile, Is.EqualTo("flaky"));
        Assert.That(failing.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
        Assert.That(failing.Headers.RetryAfter?.Delta, Is.EqualTo(TimeSpan.FromSeconds(1)));
        Assert.That(unknown.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(await unknown.Content.ReadAsStringAsync(), Does.Contain("has no simulation profile 'nope'; it has: flaky"));
    }

    [Test]
    public async Task Rate_limits_answer_429_with_Retry_After_and_tokens_expire_with_401()
    {
        await using var orders = await SimulatedOrders.StartAsync("    strict:\n      http: { rateLimit: { rate: 1/m, burst: 2 }, tokenExpiry: 15m }\n");
        orders.Simulator.SwitchProfile("strict");
        using var client = SimulatedOrders.Authenticated();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", SourceSimulator.Token);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            using var response = await client.GetAsync(orders.Simulator.UrlOf("orders"));
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                Assert.That(response.Headers.RetryAfter?.Delta, Is.EqualTo(TimeSpan.FromSeconds(60)));
                Assert.That(response.Headers.GetValues("X-RateLimit-Limit").Single(), Is.EqualTo("2"));
            }
        }

        orders.Clock.Advance(TimeSpan.FromMinutes(16));
        using var expired = await client.GetAsync(orders.Simulator.UrlOf("orders"));

        Assert.That(statuses, Is.EqualTo(new[] { HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests }));
        Assert.That(expired.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(orders.Simulator.Ledger.Faults.Select(f => f.Kind), Is.SupersetOf(new[] { "rate-limit", "token-expired" }));
    }

    private static T? Inner<T>(Exception e)
        where T : Exception
    {
        for (var current = e.InnerException; current is not null; current = current.InnerException)
        {
            if (current is T found)
            {
                return found;
            }
        }

        return null;
    }
}
