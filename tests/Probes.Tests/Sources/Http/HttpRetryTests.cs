using ContractKit.Probes.Results;
using WireMock.ResponseBuilders;
using static ContractKit.Probes.Tests.Sources.Http.HttpApi;

namespace ContractKit.Probes.Tests.Sources.Http;

/// <summary>Transient failures are retried a bounded number of times, and every attempt is counted in the report.</summary>
public class HttpRetryTests
{
    [Test]
    public async Task Two_500s_then_success_pass_with_every_retry_reported()
    {
        using var api = new HttpApi();
        api.Server.Given(Orders).InScenario("flaky").WillSetStateTo("recovered", 2).RespondWith(Response.Create().WithStatusCode(500));
        api.Server.Given(Orders).InScenario("flaky").WhenStateIs("recovered").RespondWith(Response.Create().WithBodyAsJson(Page(Recent(2, TimeSpan.FromMinutes(1)))));

        var report = await api.ProbeAsync(api.Contract(sla: "sla: { latency: { p95: 2s }, errorRate: 80% }"));

        Assert.That(report.Status, Is.EqualTo(CheckStatus.Pass), string.Join("\n", report.Results));
        var errorRate = Result(report, "errorRate");
        Assert.That(errorRate.Measured, Is.EqualTo("2 of 3 requests failed (66.7%), 2 retries"));
        Assert.That(errorRate.Message, Is.EqualTo("2 requests were retried; every attempt counts"));
        Assert.That(Result(report, "latency").Measured, Does.EndWith("over 3 requests"), "failed attempts have latencies too");
        Assert.That(api.Received, Has.Count.EqualTo(3));
    }

    [Test]
    public async Task Retries_count_against_a_strict_error_rate()
    {
        using var api = new HttpApi();
        api.Server.Given(Orders).InScenario("flaky").WillSetStateTo("recovered", 1).RespondWith(Response.Create().WithStatusCode(503));
        api.Server.Given(Orders).InScenario("flaky").WhenStateIs("recovered").RespondWith(Response.Create().WithBodyAsJson(Page(Recent(2, TimeSpan.FromMinutes(1)))));

        var report = await api.ProbeAsync(api.Contract(sla: "sla: { errorRate: 1% }"));

        Assert.That(Result(report, "schema").Status, Is.EqualTo(CheckStatus.Pass), "the data arrived in the end");
        Assert.That(Result(report, "errorRate").Status, Is.EqualTo(CheckStatus.Fail), "a retry does not hide the failure before it");
    }

    [Test]
    public async Task Persistent_500s_make_the_datasets_checks_errors_with_the_status_after_every_retry()
    {
        using var api = new HttpApi();
        api.Server.Given(Orders).RespondWith(Response.Create().WithStatusCode(500));

        var report = await api.ProbeAsync(api.Contract(sla: "sla: { errorRate: 1% }"));

        foreach (var check in new[] { "schema", "freshness", "volume", "nullRate:amount", "duplicates:order_id" })
        {
            Assert.That(Result(report, check).Status, Is.EqualTo(CheckStatus.Error), check);
        }

        Assert.That(Result(report, "schema").Message, Is.EqualTo($"GET {OrdersPath} answered HTTP 500 (Internal Server Error) after 3 attempts"));
        Assert.That(Result(report, "errorRate").Status, Is.EqualTo(CheckStatus.Fail));
        Assert.That(Result(report, "errorRate").Measured, Is.EqualTo("3 of 3 requests failed (100%), 2 retries"));
        Assert.That(api.Received, Has.Count.EqualTo(3), "HttpRetries = 2: three attempts in all");
    }

    [Test]
    public async Task The_retry_bound_comes_from_the_options()
    {
        using var api = new HttpApi();
        api.Server.Given(Orders).RespondWith(Response.Create().WithStatusCode(502));

        var none = await api.ProbeAsync(api.Contract(), new ProbeOptions { HttpRetries = 0 });
        Assert.That(api.Received, Has.Count.EqualTo(1));
        Assert.That(Result(none, "schema").Message, Does.EndWith("answered HTTP 502 (Bad Gateway) after 1 attempt"));

        api.Server.ResetLogEntries();
        await api.ProbeAsync(api.Contract(), new ProbeOptions { HttpRetries = 4 });
        Assert.That(api.Received, Has.Count.EqualTo(5));
    }

    [Test]
    public async Task A_client_error_is_not_retried()
    {
        using var api = new HttpApi();
        api.Server.Given(Orders).RespondWith(Response.Create().WithStatusCode(404));

        var report = await api.ProbeAsync(api.Contract());

        Assert.That(api.Received, Has.Count.EqualTo(1));
        Assert.That(Result(report, "schema").Status, Is.EqualTo(CheckStatus.Error));
        Assert.That(Result(report, "schema").Message, Is.EqualTo($"GET {OrdersPath} answered HTTP 404 (Not Found) after 1 attempt"));
    }

    [Test]
    public async Task A_429_is_retried_after_the_Retry_After_the_source_asked_for()
    {
        using var api = new HttpApi();
        api.Server.Given(Orders).InScenario("limited").WillSetStateTo("ok", 1).RespondWith(Response.Create().WithStatusCode(429).WithHeader("Retry-After", "1"));
        api.Server.Given(Orders).InScenario("limited").WhenStateIs("ok").RespondWith(Response.Create().WithBodyAsJson(Page(Recent(2, TimeSpan.FromMinutes(1)))));

        var report = await api.ProbeAsync(api.Contract(sla: "sla: { errorRate: 60% }"));

        Assert.That(Result(report, "schema").Status, Is.EqualTo(CheckStatus.Pass));
        Assert.That(Result(report, "errorRate").Measured, Is.EqualTo("1 of 2 requests failed (50%), 1 retry"));
        var times = api.Received.Select(r => r.DateTime).Order().ToList();
        Assert.That(times[1] - times[0], Is.GreaterThanOrEqualTo(TimeSpan.FromMilliseconds(950)), "the probe waited the second the source asked for");
    }

    [Test]
    public async Task A_Retry_After_longer_than_the_cap_is_not_waited_for()
    {
        using var api = new HttpApi();
        api.Server.Given(Orders).RespondWith(Response.Create().WithStatusCode(429).WithHeader("Retry-After", "120"));

        var report = await api.ProbeAsync(api.Contract());

        Assert.That(api.Received, Has.Count.EqualTo(1));
        Assert.That(Result(report, "schema").Message, Is.EqualTo(
            $"GET {OrdersPath} answered HTTP 429 (Too Many Requests) after 1 attempt; the source asked to wait 120s before a retry, longer than a probe waits (30s)"));
    }

    [Test]
    public async Task A_request_that_outlasts_the_sources_timeout_is_a_counted_failure()
    {
        using var api = new HttpApi();
        api.Server.Given(Orders).RespondWith(Response.Create().WithBodyAsJson(Page(Recent(1, TimeSpan.FromMinutes(1)))).WithDelay(TimeSpan.FromSeconds(2)));

        var report = await api.ProbeAsync(api.Contract(timeout: "300ms", sla: "sla: { errorRate: 1% }"), new ProbeOptions { HttpRetries = 1 });

        Assert.That(Result(report, "schema").Status, Is.EqualTo(CheckStatus.Error));
        Assert.That(Result(report, "schema").Message, Is.EqualTo($"GET {OrdersPath} failed after 2 attempts: no complete answer within the source's 0.3s timeout"));
        Assert.That(Result(report, "errorRate").Measured, Is.EqualTo("2 of 2 requests failed (100%), 1 retry"));
    }

    [Test]
    public async Task A_failure_after_some_pages_judges_the_pages_read_and_reports_the_rest_as_a_finding()
    {
        using var api = new HttpApi();
        api.Server.Given(Orders.WithParam("cursor", "p2")).AtPriority(1).RespondWith(Response.Create().WithStatusCode(503));
        api.Server.Given(Orders).AtPriority(10).RespondWith(Response.Create().WithBodyAsJson(Page(Recent(2, TimeSpan.FromMinutes(1)), next: "p2")));

        var report = await api.ProbeAsync(api.Contract("pagination: { cursor: { param: cursor, next: $.next } }"));

        var schema = Result(report, "schema");
        Assert.That(schema.Status, Is.EqualTo(CheckStatus.Warn), "what was read is valid; the unread rest is a finding, not a pass");
        Assert.That(schema.Message, Is.EqualTo($"page 2 could not be read: GET {OrdersPath}?cursor=p2 answered HTTP 503 (Service Unavailable) after 3 attempts; the checks judged the 1 page read before it"));
        Assert.That(schema.Evidence.Single().Location, Is.EqualTo("page 2"));
        Assert.That(Result(report, "volume").Measured, Is.EqualTo("2 records in the last 1h"));
        Assert.That(Result(report, "freshness").Status, Is.EqualTo(CheckStatus.Pass));
    }

    [Test]
    public async Task A_refused_connection_is_an_error_after_the_retries()
    {
        using var api = new HttpApi();
        var port = ClosedPort();
        api.Environment["API_URL"] = $"http://127.0.0.1:{port}";

        var report = await api.ProbeAsync(api.Contract(sla: "sla: { errorRate: 1% }"));

        var schema = Result(report, "schema");
        Assert.That(schema.Status, Is.EqualTo(CheckStatus.Error));
        Assert.That(schema.Message, Does.StartWith($"GET {OrdersPath} failed after 3 attempts: the connection failed"));
        Assert.That(schema.Message, Does.Not.Contain(port.ToString(System.Globalization.CultureInfo.InvariantCulture)), "the base URL came from a reference: its host and port are masked");
        Assert.That(Result(report, "errorRate").Measured, Is.EqualTo("3 of 3 requests failed (100%), 2 retries"));
    }

    [Test]
    public async Task A_redirect_is_not_followed_so_credentials_stay_with_the_source()
    {
        using var api = new HttpApi();
        api.Server.Given(Orders).RespondWith(Response.Create().WithStatusCode(301).WithHeader("Location", "https://elsewhere.example/v1/orders"));

        var report = await api.ProbeAsync(api.Contract());

        Assert.That(api.Received, Has.Count.EqualTo(1));
        Assert.That(Result(report, "schema").Message, Is.EqualTo(
            $"GET {OrdersPath} answered HTTP 301 (Moved Permanently) after 1 attempt; redirects are not followed, so credentials go nowhere else: point the contract at the final URL"));
    }

    [Test]
    public async Task A_walk_longer_than_the_check_time_limit_stops_with_an_error()
    {
        using var api = new HttpApi();
        api.Server.Given(Orders).RespondWith(Response.Create().WithBodyAsJson(Page(Recent(1, TimeSpan.FromMinutes(1)))).WithDelay(TimeSpan.FromSeconds(3)));

        var report = await api.ProbeAsync(api.Contract(timeout: "10s"), new ProbeOptions { Timeout = TimeSpan.FromMilliseconds(500) });

        Assert.That(Result(report, "schema").Status, Is.EqualTo(CheckStatus.Error));
        Assert.That(Result(report, "schema").Message, Is.EqualTo($"GET {OrdersPath} did not finish: reading the pages took longer than the 0.5s limit"));
    }

    [Test]
    public async Task A_timeout_the_retry_policy_cannot_apply_is_a_configuration_error()
    {
        using var api = new HttpApi();

        var report = await api.ProbeAsync(api.Contract(timeout: "2d"));

        Assert.That(Result(report, "schema").Message, Is.EqualTo("the source's timeout (2d) must be between 10ms and 24h"));
        Assert.That(api.Received, Is.Empty);
    }
}
