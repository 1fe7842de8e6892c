using ContractKit.Probes.Results;
using WireMock.ResponseBuilders;
using static ContractKit.Probes.Tests.Sources.Http.HttpApi;

namespace ContractKit.Probes.Tests.Sources.Http;

/// <summary>An HTTP source's records judged end to end: schema, freshness, volume, quality and the SLA of the probe's own requests.</summary>
public class HttpProbeTests
{
    private const string Sla = "sla: { latency: { p95: 800ms }, errorRate: 1% }";

    [Test]
    public async Task Fresh_records_pass_every_check_on_the_sources_clock()
    {
        using var api = new HttpApi();
        api.Serve(Page(Recent(3, TimeSpan.FromMinutes(2))));

        var report = await api.ProbeAsync(api.Contract(sla: Sla));

        Assert.That(report.Results.Select(r => (r.CheckId, r.Status)), Is.EquivalentTo(new[]
        {
            ("schema", CheckStatus.Pass), ("freshness", CheckStatus.Pass), ("eventTime", CheckStatus.Pass), ("volume", CheckStatus.Pass),
            ("nullRate:amount", CheckStatus.Pass), ("duplicates:order_id", CheckStatus.Pass),
            ("latency", CheckStatus.Pass), ("errorRate", CheckStatus.Pass),
        }), string.Join("\n", report.Results));
        Assert.That(Result(report, "schema").Measured, Is.EqualTo("0 of 3 records invalid"));
        Assert.That(Result(report, "volume").Measured, Is.EqualTo("3 records in the last 1h"));
        Assert.That(Result(report, "errorRate").Measured, Is.EqualTo("0 of 1 requests failed (0%), 0 retries"));
        Assert.That(Result(report, "freshness").Clock, Is.Not.Null);
        Assert.That(Result(report, "freshness").Clock!.Source, Is.EqualTo(ClockSource.Source), "Kestrel sends a Date header: the source's clock is used");
        Assert.That(Result(report, "freshness").Clock!.Description, Is.EqualTo("HTTP Date header"));
        var request = api.Received.Single();
        Assert.That(request.Headers!["Accept"], Does.Contain("application/json"));
    }

    [Test]
    public async Task Stale_records_fail_freshness()
    {
        using var api = new HttpApi();
        api.Serve(Page(Recent(2, TimeSpan.FromHours(3))));

        var report = await api.ProbeAsync(api.Contract());

        var freshness = Result(report, "freshness");
        Assert.That(freshness.Status, Is.EqualTo(CheckStatus.Fail));
        Assert.That(freshness.Measured, Does.StartWith("newest record 3h 0m old").Or.StartWith("newest record 2h 59m old"));
        Assert.That(Result(report, "volume").Status, Is.EqualTo(CheckStatus.Fail), "no record in the last hour");
        Assert.That(Result(report, "schema").Status, Is.EqualTo(CheckStatus.Pass));
    }

    [Test]
    public async Task Drifted_records_fail_the_schema_with_masked_evidence_per_item()
    {
        using var api = new HttpApi();
        var now = DateTimeOffset.UtcNow;
        var extra = Order(2, now);
        extra["coupon"] = "WELCOME10";
        var wrongType = Order(3, now);
        wrongType["amount"] = "12.50";
        var missing = Order(4, now);
        missing.Remove("created_at");
        api.Serve(Page([Order(1, now), extra, wrongType, missing]));

        var report = await api.ProbeAsync(api.Contract());

        var schema = Result(report, "schema");
        Assert.That(schema.Status, Is.EqualTo(CheckStatus.Fail));
        Assert.That(schema.Measured, Is.EqualTo("3 of 4 records invalid"));
        Assert.That(schema.Evidence.Select(e => e.Location), Is.EqualTo(new[] { "page 1, item 2", "page 1, item 3", "page 1, item 4" }));
        Assert.That(schema.Evidence[0].Description, Does.Contain("coupon"));
        Assert.That(schema.Evidence[1].Description, Does.Contain("/amount"));
        Assert.That(schema.Evidence[2].Description, Does.Contain("created_at"));
        Assert.That(schema.Evidence.Select(e => e.Record), Has.All.Contain("\"customer_email\":\"***\""), "x-pii fields are masked in evidence");
        Assert.That(string.Join("\n", schema.Evidence.Select(e => e.Record)), Does.Not.Contain("@example.com"));
    }

    [Test]
    public async Task Null_amounts_and_duplicate_keys_fail_the_quality_checks()
    {
        using var api = new HttpApi();
        var now = DateTimeOffset.UtcNow;
        var noAmount = Order(2, now);
        noAmount["amount"] = null;
        api.Serve(Page([Order(1, now), noAmount, Order(1, now), Order(3, now)]));

        var report = await api.ProbeAsync(api.Contract());

        Assert.That(Result(report, "nullRate:amount").Status, Is.EqualTo(CheckStatus.Fail));
        Assert.That(Result(report, "duplicates:order_id").Status, Is.EqualTo(CheckStatus.Fail));
        Assert.That(Result(report, "duplicates:order_id").Value, Is.EqualTo(1));
    }

    [Test]
    public async Task A_slow_source_fails_the_latency_promise()
    {
        using var api = new HttpApi();
        api.Server.Given(Orders).RespondWith(Response.Create().WithBodyAsJson(Page(Recent(2, TimeSpan.FromMinutes(1)))).WithDelay(TimeSpan.FromMilliseconds(400)));

        var report = await api.ProbeAsync(api.Contract(sla: "sla: { latency: { p95: 150ms } }"));

        var latency = Result(report, "latency");
        Assert.That(latency.Status, Is.EqualTo(CheckStatus.Fail));
        Assert.That(latency.Value, Is.GreaterThanOrEqualTo(0.4));
        Assert.That(latency.Measured, Does.EndWith("over 1 requests"));
        Assert.That(Result(report, "freshness").Status, Is.EqualTo(CheckStatus.Pass), "slow is not stale");
    }

    [Test]
    public async Task Freshness_is_measured_against_the_Date_header_not_the_local_clock()
    {
        using var api = new HttpApi { Date = DateTimeOffset.UtcNow.AddDays(-3) };
        var sourceNow = api.Date.Value;
        api.Serve(Page([Order(1, sourceNow.AddMinutes(-5)), Order(2, sourceNow.AddMinutes(-30))]));

        var report = await api.ProbeAsync(api.Contract());

        var freshness = Result(report, "freshness");
        Assert.That(freshness.Status, Is.EqualTo(CheckStatus.Pass), "5 minutes old on the source's clock; 3 days old on ours");
        Assert.That(freshness.Measured, Does.StartWith("newest record 5m"));
        Assert.That(freshness.Clock!.Source, Is.EqualTo(ClockSource.Source));
        Assert.That(freshness.Clock.Now, Is.EqualTo(sourceNow).Within(TimeSpan.FromSeconds(1)));
        Assert.That(Result(report, "volume").Measured, Is.EqualTo("2 records in the last 1h"), "the volume window ends at the source's now too");
    }

    [Test]
    public async Task Bearer_token_goes_in_the_Authorization_header()
    {
        using var api = new HttpApi();
        api.Serve(Page(Recent(1, TimeSpan.FromMinutes(1))));

        await api.ProbeAsync(api.Contract());

        Assert.That(api.Received.Single().Headers!["Authorization"], Is.EqualTo(new[] { $"Bearer {Token}" }));
    }

    [Test]
    public async Task Basic_auth_api_key_header_and_extra_headers_are_sent_from_their_references()
    {
        using var api = new HttpApi();
        api.Serve(Page(Recent(1, TimeSpan.FromMinutes(1))));
        api.Environment["API_KEY"] = "key-0123456789";

        await api.ProbeAsync(api.Contract(auth: """auth: { basic: { username: probe, password: "${env:API_PASSWORD}" } }"""));
        await api.ProbeAsync(api.Contract(auth: """
            auth: { header: { name: X-Api-Key, value: "${env:API_KEY}" } }
              headers: { X-Tenant: acme, Accept: application/vnd.orders+json }
            """));

        var basic = api.Received[0].Headers!;
        var key = api.Received[1].Headers!;
        Assert.That(basic["Authorization"], Is.EqualTo(new[] { "Basic " + Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"probe:{Password}")) }));
        Assert.That(key["X-Api-Key"], Is.EqualTo(new[] { "key-0123456789" }));
        Assert.That(key["X-Tenant"], Is.EqualTo(new[] { "acme" }));
        Assert.That(key["Accept"], Is.EqualTo(new[] { "application/vnd.orders+json" }), "a contract's header replaces the default");
        Assert.That(key.ContainsKey("Authorization"), Is.False);
    }

    [Test]
    public async Task A_missing_secret_is_a_configuration_error_naming_the_reference()
    {
        using var api = new HttpApi();
        api.Serve(Page(Recent(1, TimeSpan.FromMinutes(1))));
        var yaml = api.Contract(auth: """auth: { bearer: "${env:NOT_SET_ANYWHERE}" }""");

        var report = await api.ProbeAsync(yaml);

        Assert.That(report.Results.Select(r => r.Status), Has.All.EqualTo(CheckStatus.Error));
        Assert.That(Result(report, "schema").Message, Does.Contain("NOT_SET_ANYWHERE"));
        Assert.That(api.Received, Is.Empty, "nothing is sent without its credentials");
    }
}
