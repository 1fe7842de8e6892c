using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using ContractKit.Probes.Results;
using ContractKit.Probes.Telemetry;
using WireMock.ResponseBuilders;
using static ContractKit.Probes.Tests.Sources.Http.HttpApi;

namespace ContractKit.Probes.Tests.Sources.Http;

/// <summary>Credentials and a base URL that came from references never appear in results, evidence, notes, messages or traces.</summary>
public class HttpRedactionTests
{
    private static readonly string BasicCredentials = Convert.ToBase64String(Encoding.UTF8.GetBytes($"probe:{Password}"));

    [Test]
    public async Task Credentials_a_source_echoes_into_its_body_are_masked_in_evidence()
    {
        using var api = new HttpApi();
        api.Server.Given(Orders).RespondWith(Response.Create().WithHeader("Content-Type", "text/plain")
            .WithBody("denied: {{request.headers.Authorization}} {{request.headers.X-Api-Key}}").WithTransformer());
        api.Environment["API_KEY"] = "key-SECRET-7788";

        var basic = await api.ProbeAsync(api.Contract(auth: """
            auth: { basic: { username: probe, password: "${env:API_PASSWORD}" } }
              headers: { X-Api-Key: "${env:API_KEY}" }
            """));
        var bearer = await api.ProbeAsync(api.Contract());

        Assert.That(Result(basic, "schema").Evidence.Single().Record, Is.EqualTo("denied: Basic *** ***"), "the server did echo them");
        Assert.That(Result(bearer, "schema").Evidence.Single().Record, Is.EqualTo("denied: Bearer *** "));
        AssertNoSecret(JsonSerializer.Serialize(basic) + JsonSerializer.Serialize(bearer), "key-SECRET-7788");
    }

    [Test]
    public async Task Nothing_secret_leaks_when_the_connection_fails()
    {
        using var api = new HttpApi();
        var port = ClosedPort().ToString(CultureInfo.InvariantCulture);
        api.Environment["API_URL"] = $"http://127.0.0.1:{port}/api";
        var activities = new List<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == ProbeTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activities.Add,
        };
        ActivitySource.AddActivityListener(listener);
        var yaml = api.Contract(auth: """auth: { basic: { username: probe, password: "${env:API_PASSWORD}" } }""", sla: "sla: { errorRate: 1% }");

        var report = await api.ProbeAsync(yaml);
        var observation = await api.ObserveAsync(yaml);

        Assert.That(report.Results.Where(r => r.CheckId != "errorRate").Select(r => r.Status), Has.All.EqualTo(CheckStatus.Error));
        Assert.That(Result(report, "schema").Message, Does.Contain("the connection failed"));
        var traces = string.Join("\n", activities.SelectMany(a => a.Tags.Select(t => $"{t.Key}={t.Value}").Append(a.StatusDescription ?? "").Append(a.DisplayName)));
        Assert.That(traces, Does.Contain("contractkit.check=schema"), "the traces were captured");
        var everything = JsonSerializer.Serialize(report) + JsonSerializer.Serialize(observation) + traces;
        AssertNoSecret(everything, port);
    }

    [Test]
    public async Task A_base_url_that_is_not_a_url_is_reported_by_its_reference()
    {
        using var api = new HttpApi();
        api.Environment["API_URL"] = $"not a url {Token}";

        var report = await api.ProbeAsync(api.Contract());

        Assert.That(Result(report, "schema").Message, Is.EqualTo("the source's baseUrl (${env:API_URL}) is not an absolute http or https URL"));
        AssertNoSecret(JsonSerializer.Serialize(report));
    }

    private static void AssertNoSecret(string text, params string[] more)
    {
        foreach (var secret in new[] { Token, Password, BasicCredentials }.Concat(more))
        {
            Assert.That(text, Does.Not.Contain(secret));
        }
    }
}
