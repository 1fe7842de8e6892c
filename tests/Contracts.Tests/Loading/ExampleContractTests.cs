using ContractKit.Contracts.Loading;
using ContractKit.Contracts.Model;
using ContractKit.Contracts.Model.Datasets;
using ContractKit.Contracts.Model.Probing;
using ContractKit.Contracts.Model.Quality;
using ContractKit.Contracts.Model.Simulation;
using ContractKit.Contracts.Model.Sources;
using ContractKit.Contracts.Schemas;
using ContractKit.Contracts.Secrets;
using ContractKit.Contracts.Tests.Support;
using ContractKit.Contracts.Values;

namespace ContractKit.Contracts.Tests.Loading;

/// <summary>The example contracts load into exactly the values they state.</summary>
public class ExampleContractTests
{
    private static async Task<Contract> Load(string name)
    {
        var result = await ContractLoader.LoadFileAsync(Repository.Example(name));
        Assert.That(result.Diagnostics, Is.Empty, string.Join("\n", result.Diagnostics));
        return result.Contract!;
    }

    [Test]
    public async Task Orders_http_api()
    {
        var contract = await Load("orders.yaml");
        Assert.That((contract.Id.Value, contract.Version.ToString(), contract.Status), Is.EqualTo(("orders-service", "2.1.0", ContractStatus.Active)));
        Assert.That(contract.Compatibility, Is.EqualTo(new CompatibilityMode(CompatibilityDirection.Forward, false)));

        var source = (HttpSource)contract.Source;
        Assert.That(source.BaseUrl.References.Single(), Is.EqualTo(new SecretRef(SecretProvider.Environment, "ORDERS_API_URL")));
        Assert.That(((BearerAuth)source.Auth!).Token.ToString(), Is.EqualTo("${env:ORDERS_API_TOKEN}"));

        var orders = contract.Datasets.Single();
        var location = (HttpLocation)orders.Location;
        Assert.That(location.Records.Text, Is.EqualTo("$.data"));
        var pagination = (CursorPagination)location.Pagination!;
        Assert.That((pagination.Param, pagination.Next.Text, pagination.MaxPages), Is.EqualTo(("cursor", "$.next", 20)));
        Assert.That(orders.Freshness, Is.EqualTo(new Freshness(Duration.FromMinutes(15), Duration.FromHours(1))));
        Assert.That(orders.Volume!.Anomaly, Is.EqualTo(new VolumeAnomaly(Duration.FromDays(14), 3)));
        Assert.That(orders.Quality.Select(q => q.Id), Is.EqualTo(new[] { "nullRate:amount", "nullRate:customer_email", "duplicates:order_id" }));
        Assert.That(orders.Key.Single().ToString(), Is.EqualTo("order_id"));

        var email = orders.Schema.FindField(FieldPath.Parse("customer_email"))!;
        Assert.That((email.Types, email.Format, email.Required, email.Pii), Is.EqualTo((JsonTypes.String | JsonTypes.Null, "email", false, true)));
        Assert.That(orders.Schema.FindField(FieldPath.Parse("created_at"))!.Span.Start.Line, Is.EqualTo(33));

        Assert.That(contract.Sla!.Latency, Is.EqualTo(new Model.ServiceLevels.LatencyTargets(null, null, Duration.FromMilliseconds(800), Duration.FromSeconds(2))));
        Assert.That(contract.Sla.Support!.Hours!.TimeZone.Id, Is.EqualTo("Europe/Berlin"));
        Assert.That(contract.Probe!.Schedule, Is.EqualTo(new IntervalSchedule(Duration.FromMinutes(5))));
        Assert.That(contract.Probe.Alerts.Single() with { Webhook = null! }, Is.EqualTo(new AlertRoute(null!, AlertFormat.Slack, 3, 2, Duration.FromHours(4))));
        Assert.That(contract.Probe.Maintenance.Single().Start.TimeZone.Id, Is.EqualTo("Europe/Berlin"));

        var simulation = contract.Simulation!;
        Assert.That((simulation.Seed, simulation.Rate.ToString(), simulation.Duplicates.ToString()), Is.EqualTo((42L, "200/h", "1%")));
        Assert.That(simulation.Profiles["flaky"].Http!.Errors[503], Is.EqualTo(Percentage.Parse("5%")));
        Assert.That(simulation.Profiles["flaky"].Http!.Latency, Is.EqualTo(new LogNormalLatency(Duration.FromMilliseconds(50), Duration.FromSeconds(2))));
        Assert.That(simulation.Profiles["outage"].Timeline.Single(), Is.EqualTo(new OutageStep(Duration.FromMinutes(10), Duration.FromMinutes(5), OutageKind.Reset, null, true)));
        Assert.That(simulation.Profiles["drift"].Violations!.Kinds, Is.EqualTo(new[] { ViolationKind.WrongType, ViolationKind.MissingRequired, ViolationKind.ExtraField, ViolationKind.UnknownEnum }));
    }

    [Test]
    public async Task Payments_postgres_database_with_cdc()
    {
        var contract = await Load("payments.yaml");
        var source = (PostgresSource)contract.Source;
        Assert.That(source.Connection.IsSingleReference, Is.True);
        Assert.That(source.StatementTimeout, Is.EqualTo(Duration.FromSeconds(5)));
        Assert.That(contract.Datasets.Select(d => ((PostgresLocation)d.Location).Table.ToString()), Is.EqualTo(new[] { "public.payments", "public.refunds" }));
        Assert.That(contract.Datasets[0].Cdc, Is.EqualTo(new Cdc("payments_cdc", ByteSize.Parse("64MB"), ByteSize.Parse("16MB"))));
        Assert.That(contract.Datasets[1].Cdc, Is.Null);
        Assert.That(contract.Datasets[0].Quality.OfType<SqlCheck>().Single().Name, Is.EqualTo("captured_without_amount"));
        Assert.That(contract.Probe!.Schedule, Is.InstanceOf<CronProbeSchedule>());
        Assert.That(contract.Compatibility.Direction, Is.EqualTo(CompatibilityDirection.Full));
    }

    [Test]
    public async Task Clickstream_file_drop_with_a_referenced_schema()
    {
        var contract = await Load("clickstream.yaml");
        var clicks = contract.Datasets.Single();
        Assert.That(clicks.Location, Is.EqualTo(new FilesLocation("drops/clicks/*.jsonl", FileFormat.Jsonl, FreshnessBasis.EventTime, ',')));
        Assert.That(clicks.Schema.Documents.Keys.Select(u => Path.GetFileName(u.LocalPath)), Is.EquivalentTo(new[] { "clickstream.yaml", "click-event.schema.json" }));

        // Fields come through the file $ref and the nested #/$defs/page $ref.
        Assert.That(clicks.Schema.FindField(FieldPath.Parse("page.url"))!.Format, Is.EqualTo("uri"));
        Assert.That(clicks.Schema.FindField(FieldPath.Parse("page.url"))!.Required, Is.True);
        Assert.That(clicks.Schema.FindField(FieldPath.Parse("ip"))!.Pii, Is.True);
        Assert.That(contract.Status, Is.EqualTo(ContractStatus.Proposed));
    }

    [Test]
    public async Task A_contract_written_as_json_loads_like_its_yaml()
    {
        var yaml = await ContractLoader.LoadFileAsync(Repository.Example("payments.yaml"));
        var json = await ContractLoader.LoadTextAsync(yaml.Contract!.Document.Root.ToJsonElement().ToString(), "payments.json",
            Path.Combine(Repository.Contracts, "payments.json"));
        Assert.That(json.Diagnostics, Is.Empty, string.Join("\n", json.Diagnostics));
        Assert.That(json.Contract!.Datasets.Select(d => d.Name), Is.EqualTo(yaml.Contract.Datasets.Select(d => d.Name)));
        Assert.That(json.Contract.Datasets[0].Freshness, Is.EqualTo(yaml.Contract.Datasets[0].Freshness));
    }
}
