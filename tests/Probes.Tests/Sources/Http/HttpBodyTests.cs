using System.Net;
using System.Net.Sockets;
using System.Text;
using ContractKit.Probes.Results;
using WireMock.ResponseBuilders;
using static ContractKit.Probes.Tests.Sources.Http.HttpApi;

namespace ContractKit.Probes.Tests.Sources.Http;

/// <summary>A page that cannot be read as records is a schema failure with the body's first bytes as evidence, never a crash.</summary>
public class HttpBodyTests
{
    [Test]
    public async Task A_truncated_body_fails_the_schema_with_its_start_as_evidence()
    {
        using var api = new HttpApi();
        var whole = ToJson(Page(Recent(10, TimeSpan.FromMinutes(1))));
        api.Server.Given(Orders).RespondWith(Response.Create().WithHeader("Content-Type", "application/json").WithBody(whole[..(whole.Length / 2)]));

        var report = await api.ProbeAsync(api.Contract());

        var schema = Result(report, "schema");
        Assert.That(schema.Status, Is.EqualTo(CheckStatus.Fail));
        Assert.That(schema.Message, Is.EqualTo($"page 1: the body ends before its JSON is complete, after {whole.Length / 2} bytes: it is truncated"));
        var evidence = schema.Evidence.Single();
        Assert.That(evidence.Location, Is.EqualTo("page 1"));
        Assert.That(evidence.Record, Is.EqualTo(whole[..200] + "…"), "the first 200 characters");
    }

    [Test]
    public async Task A_non_JSON_body_fails_the_schema_with_its_start_as_evidence()
    {
        using var api = new HttpApi();
        api.Server.Given(Orders).RespondWith(Response.Create().WithHeader("Content-Type", "text/html").WithBody("<html><body>Service temporarily in maintenance</body></html>"));

        var report = await api.ProbeAsync(api.Contract());

        var schema = Result(report, "schema");
        Assert.That(schema.Status, Is.EqualTo(CheckStatus.Fail));
        Assert.That(schema.Message, Does.StartWith("page 1: the body is not JSON (Content-Type text/html): '<' is an invalid start of a value."));
        Assert.That(schema.Evidence.Single().Record, Is.EqualTo("<html><body>Service temporarily in maintenance</body></html>"));
        Assert.That(Result(report, "freshness").Status, Is.EqualTo(CheckStatus.Fail), "no record was read, so none is fresh");
    }

    [Test]
    public async Task An_empty_body_and_a_garbled_chunk_are_findings_too()
    {
        using var api = new HttpApi();
        api.Server.Given(Orders.WithParam("v", "empty")).RespondWith(Response.Create().WithStatusCode(200));
        api.Server.Given(Orders.WithParam("v", "garbled")).RespondWith(Response.Create().WithBodyAsJson(Page(Recent(3, TimeSpan.FromMinutes(1)))).WithFault(FaultType.MALFORMED_RESPONSE_CHUNK));

        var empty = await api.ProbeAsync(api.Contract("query: { v: empty }"));
        var garbled = await api.ProbeAsync(api.Contract("query: { v: garbled }"));

        Assert.That(Result(empty, "schema").Message, Is.EqualTo("page 1: the body is empty"));
        Assert.That(Result(empty, "schema").Evidence.Single().Record, Is.EqualTo("(empty body)"));
        Assert.That(Result(garbled, "schema").Status, Is.EqualTo(CheckStatus.Fail));
        Assert.That(Result(garbled, "schema").Message, Does.StartWith("page 1: the body is not JSON"));
    }

    [Test]
    public async Task A_page_without_a_record_array_at_the_records_path_is_a_finding()
    {
        using var api = new HttpApi();
        api.Server.Given(Orders).RespondWith(Response.Create().WithBodyAsJson(new { items = Recent(2, TimeSpan.FromMinutes(1)), data = new { count = 2 } }));

        var report = await api.ProbeAsync(api.Contract());

        var schema = Result(report, "schema");
        Assert.That(schema.Status, Is.EqualTo(CheckStatus.Fail));
        Assert.That(schema.Message, Is.EqualTo("page 1: no record array at $.data (an object there)"));
        Assert.That(schema.Evidence.Single().Record, Does.StartWith("{\"items\":[{"));
    }

    [Test]
    public async Task A_connection_cut_mid_body_is_retried_and_then_an_error_with_the_bytes_that_came()
    {
        using var server = new CutConnectionServer("{\"data\":[{\"order_id\":\"order-0001\",\"created_at\":\"20");
        using var api = new HttpApi();
        api.Environment["API_URL"] = server.Url;

        var report = await api.ProbeAsync(api.Contract(sla: "sla: { errorRate: 1% }"));

        Assert.That(server.Requests, Is.EqualTo(3), "a cut body is transient: retried twice");
        // Nothing whole was read, so no check may judge the data: the freshness of an empty read would be a lie.
        foreach (var check in new[] { "schema", "freshness", "volume" })
        {
            Assert.That(Result(report, check).Status, Is.EqualTo(CheckStatus.Error), check);
        }

        Assert.That(Result(report, "freshness").Message, Does.Contain($"the connection closed after {server.Body.Length} bytes of the body, before the response was complete (after 3 attempts); what came: {server.Body}"));
        Assert.That(Result(report, "errorRate").Measured, Is.EqualTo("3 of 3 requests failed (100%), 2 retries"));
    }

    /// <summary>Answers every request with a Content-Length longer than the body it sends, then closes the connection.</summary>
    private sealed class CutConnectionServer : IDisposable
    {
        private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
        private readonly CancellationTokenSource _stop = new();
        private int _requests;

        public CutConnectionServer(string body)
        {
            Body = body;
            _listener.Start();
            _ = ServeAsync();
        }

        public string Body { get; }

        public string Url => $"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}";

        public int Requests => Volatile.Read(ref _requests);

        public void Dispose()
        {
            _stop.Cancel();
            _listener.Stop();
            _stop.Dispose();
        }

        private async Task ServeAsync()
        {
            try
            {
                while (!_stop.IsCancellationRequested)
                {
                    using var client = await _listener.AcceptTcpClientAsync(_stop.Token);
                    var stream = client.GetStream();
                    var request = new StringBuilder();
                    var buffer = new byte[4096];
                    while (!request.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
                    {
                        var read = await stream.ReadAsync(buffer, _stop.Token);
                        if (read == 0)
                        {
                            break;
                        }

                        request.Append(Encoding.ASCII.GetString(buffer, 0, read));
                    }

                    Interlocked.Increment(ref _requests);
                    var bytes = Encoding.UTF8.GetBytes(Body);
                    var head = $"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {bytes.Length * 10}\r\nConnection: close\r\n\r\n";
                    await stream.WriteAsync(Encoding.ASCII.GetBytes(head), _stop.Token);
                    await stream.WriteAsync(bytes, _stop.Token);
                    await stream.FlushAsync(_stop.Token);
                }
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                // Stopped.
            }
        }
    }
}
