using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using ContractKit.Mocks.Faults.Connections;
using Microsoft.Extensions.Time.Testing;

namespace ContractKit.Mocks.Tests.Faults.Connections;

/// <summary>
/// What a real <see cref="HttpClient"/> observes through <see cref="FaultProxy"/> in front of a real
/// WireMock.Net server, fault by fault.
/// </summary>
public class FaultProxyTests : BackendFixture
{
    [Test]
    public async Task Pass_relays_the_page_and_keeps_the_pooled_connection()
    {
        await using var harness = new ProxyHarness(Upstream);
        var client = harness.Client();

        var first = await client.GetAsync(Backend.PagePath);
        var second = await client.GetAsync(Backend.PagePath);

        Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await first.Content.ReadAsStringAsync(), Is.EqualTo(Backend.Page));
        Assert.That(first.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/json"));
        Assert.That(await second.Content.ReadAsStringAsync(), Is.EqualTo(Backend.Page));
        var requests = harness.Requests.ToArray();
        Assert.That(requests.Select(r => (r.ConnectionId, r.RequestNumber)), Is.EqualTo(new[] { (1L, 1), (1L, 2) }));
        Assert.That(requests[0].Method, Is.EqualTo("GET"));
        Assert.That(requests[0].Target, Is.EqualTo(Backend.PagePath));
        Assert.That(requests[0].Header("host"), Is.EqualTo($"127.0.0.1:{harness.Proxy.Port}"));
    }

    [Test]
    public async Task Per_request_decisions_apply_on_one_reused_connection()
    {
        await using var harness = new ProxyHarness(Upstream, r => r.RequestNumber == 2
            ? new ProxyDecision.Respond(503, [new("Retry-After", "2")])
            : ProxyDecision.PassThrough);
        var client = harness.Client();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            using var response = await client.GetAsync(Backend.PagePath);
            await response.Content.ReadAsByteArrayAsync();
            statuses.Add(response.StatusCode);
        }

        Assert.That(statuses, Is.EqualTo(new[] { HttpStatusCode.OK, HttpStatusCode.ServiceUnavailable, HttpStatusCode.OK }));
        Assert.That(harness.Requests.Select(r => (r.ConnectionId, r.RequestNumber)), Is.EqualTo(new[] { (1L, 1), (1L, 2), (1L, 3) }));
    }

    [Test]
    public async Task Pass_with_a_delay_makes_the_response_at_least_that_late()
    {
        var delay = TimeSpan.FromMilliseconds(300);
        await using var harness = new ProxyHarness(Upstream, _ => new ProxyDecision.Pass(delay));
        var client = harness.Client();

        var clock = Stopwatch.StartNew();
        var body = await client.GetStringAsync(Backend.PagePath);
        clock.Stop();

        Assert.That(body, Is.EqualTo(Backend.Page));
        Assert.That(clock.Elapsed, Is.GreaterThanOrEqualTo(delay));
    }

    [Test]
    public async Task Delays_run_on_the_proxy_s_TimeProvider()
    {
        var time = new FakeTimeProvider();
        await using var harness = new ProxyHarness(Upstream, r => r.Target == "/empty"
            ? new ProxyDecision.Pass(TimeSpan.FromHours(1))
            : new ProxyDecision.Respond(503, Delay: TimeSpan.FromMinutes(10)), time);
        var client = harness.Client(Timeout.InfiniteTimeSpan);

        var passed = client.GetAsync(Backend.EmptyPath);
        var answered = harness.Client(Timeout.InfiniteTimeSpan).GetAsync(Backend.PagePath);
        Assert.That(() => harness.Requests.Count, Is.EqualTo(2).After(5000, 10));
        await Task.Delay(100);
        Assert.That(passed.IsCompleted || answered.IsCompleted, Is.False, "nothing moves until the clock does");

        time.Advance(TimeSpan.FromMinutes(10));
        Assert.That((await answered.WaitAsync(TimeSpan.FromSeconds(10))).StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
        Assert.That(passed.IsCompleted, Is.False);
        time.Advance(TimeSpan.FromMinutes(50));
        Assert.That((await passed.WaitAsync(TimeSpan.FromSeconds(10))).StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
    }

    [Test]
    public async Task Respond_429_arrives_with_its_rate_limit_headers_and_body()
    {
        var body = "{\"error\":\"rate limited\"}"u8.ToArray();
        await using var harness = new ProxyHarness(Upstream, _ => new ProxyDecision.Respond(429,
        [
            new("Retry-After", "7"),
            new("X-RateLimit-Limit", "100"),
            new("X-RateLimit-Remaining", "0"),
            new("X-RateLimit-Reset", "1767225600"),
            new("Content-Type", "application/json"),
        ], body));
        var client = harness.Client();

        using var response = await client.GetAsync("/never-forwarded");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests));
        Assert.That(response.ReasonPhrase, Is.EqualTo("Too Many Requests"));
        Assert.That(response.Headers.RetryAfter?.Delta, Is.EqualTo(TimeSpan.FromSeconds(7)));
        Assert.That(response.Headers.GetValues("X-RateLimit-Limit"), Is.EqualTo(new[] { "100" }));
        Assert.That(response.Headers.GetValues("X-RateLimit-Remaining"), Is.EqualTo(new[] { "0" }));
        Assert.That(response.Headers.GetValues("X-RateLimit-Reset"), Is.EqualTo(new[] { "1767225600" }));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/json"));
        Assert.That(response.Content.Headers.ContentLength, Is.EqualTo(body.Length));
        Assert.That(await response.Content.ReadAsByteArrayAsync(), Is.EqualTo(body));
        Assert.That(Upstream.Server.LogEntries.Select(e => e.RequestMessage!.Path), Has.None.EqualTo("/never-forwarded"));
    }

    [Test]
    public async Task Respond_401_and_503_arrive_with_their_headers_and_a_delay()
    {
        await using var harness = new ProxyHarness(Upstream, r => r.Header("Authorization") is null
            ? new ProxyDecision.Respond(401, [new("WWW-Authenticate", "Bearer error=\"invalid_token\"")])
            : new ProxyDecision.Respond(503, [new("Retry-After", "1")], "down"u8.ToArray(), TimeSpan.FromMilliseconds(200)));
        var client = harness.Client();

        using var unauthorized = await client.GetAsync(Backend.PagePath);
        using var request = new HttpRequestMessage(HttpMethod.Get, Backend.PagePath);
        request.Headers.Authorization = new("Bearer", "expired");
        var clock = Stopwatch.StartNew();
        using var unavailable = await client.SendAsync(request);
        clock.Stop();

        Assert.That(unauthorized.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(unauthorized.Headers.WwwAuthenticate.Single().ToString(), Is.EqualTo("Bearer error=\"invalid_token\""));
        Assert.That(unauthorized.Content.Headers.ContentLength, Is.Zero);
        Assert.That(unavailable.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
        Assert.That(await unavailable.Content.ReadAsStringAsync(), Is.EqualTo("down"));
        Assert.That(clock.Elapsed, Is.GreaterThanOrEqualTo(TimeSpan.FromMilliseconds(200)));
        Assert.That(harness.Requests.Select(r => r.ConnectionId).Distinct().Count(), Is.EqualTo(1), "a synthetic response keeps the connection");
    }

    [Test]
    public async Task Respond_to_HEAD_sends_the_length_but_no_body()
    {
        await using var harness = new ProxyHarness(Upstream, _ => new ProxyDecision.Respond(503, Body: "down"u8.ToArray()));
        var client = harness.Client();

        using var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, Backend.PagePath));
        using var get = await client.GetAsync(Backend.PagePath);

        Assert.That(head.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
        Assert.That(head.Content.Headers.ContentLength, Is.EqualTo(4));
        Assert.That(await get.Content.ReadAsStringAsync(), Is.EqualTo("down"), "the next response on the connection is read in step");
    }

    [Test]
    public async Task Refusing_makes_connecting_fail_with_connection_refused_and_reopens_on_the_same_port()
    {
        await using var harness = new ProxyHarness(Upstream);
        var client = harness.Client();
        Assert.That(await client.GetStringAsync(Backend.PagePath), Is.EqualTo(Backend.Page));
        var port = harness.Proxy.Port;

        harness.Proxy.SetRefusing(true);
        var refused = await ExceptionShape.Catch(() => client.GetAsync(Backend.PagePath));

        Assert.That(harness.Proxy.IsRefusing, Is.True);
        Assert.That(ExceptionShape.Of(refused), Is.EqualTo("HttpRequestException(ConnectionError) > SocketException(ConnectionRefused)"));
        var inner = (SocketException)refused.InnerException!;
        Assert.That(inner.SocketErrorCode, Is.EqualTo(SocketError.ConnectionRefused));

        harness.Proxy.SetRefusing(false);
        Assert.That(harness.Proxy.Port, Is.EqualTo(port));
        Assert.That(await client.GetStringAsync(Backend.PagePath), Is.EqualTo(Backend.Page));
    }

    [Test]
    public async Task Refusing_drops_a_request_in_flight()
    {
        // Asynchronous continuations: the test must not run on (and block) the proxy's connection task.
        var decided = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var harness = new ProxyHarness(Upstream, _ =>
        {
            decided.TrySetResult();
            return new ProxyDecision.Pass(TimeSpan.FromSeconds(30));
        });
        var client = harness.Client();

        var pending = ExceptionShape.Catch(() => client.GetAsync(Backend.PagePath));
        await decided.Task.WaitAsync(TimeSpan.FromSeconds(10));
        harness.Proxy.SetRefusing(true);
        var error = await pending.WaitAsync(TimeSpan.FromSeconds(10));

        // The dropped connection was fresh: HttpClient does not retry it, and reports the reset.
        Assert.That(ExceptionShape.Of(error), Is.EqualTo("HttpRequestException(Unknown) > IOException > SocketException(ConnectionReset)"));
        Assert.That(() => harness.Proxy.ConnectionCount, Is.Zero.After(5000, 10));
    }

    [Test]
    public async Task Reset_fails_the_request_with_connection_reset()
    {
        await using var harness = new ProxyHarness(Upstream, _ => new ProxyDecision.Reset());
        var client = harness.Client();

        var error = await ExceptionShape.Catch(() => client.GetAsync(Backend.PagePath));

        Assert.That(ExceptionShape.Of(error), Is.EqualTo("HttpRequestException(Unknown) > IOException > SocketException(ConnectionReset)"));
        Assert.That(harness.Requests, Has.Count.EqualTo(1), "no retry on a fresh connection");
    }

    [Test]
    public async Task Reset_on_a_reused_connection_is_not_retried_by_HttpClient()
    {
        await using var harness = new ProxyHarness(Upstream, r => r.RequestNumber == 1 ? ProxyDecision.PassThrough : new ProxyDecision.Reset());
        var client = harness.Client();
        await client.GetStringAsync(Backend.PagePath);

        var error = await ExceptionShape.Catch(() => client.GetAsync(Backend.PagePath));

        Assert.That(ExceptionShape.Of(error), Is.EqualTo("HttpRequestException(Unknown) > IOException > SocketException(ConnectionReset)"));
        Assert.That(harness.Requests.Select(r => (r.ConnectionId, r.RequestNumber)), Is.EqualTo(new[] { (1L, 1), (1L, 2) }));
    }

    [Test]
    public async Task Hang_lets_the_client_timeout_fire_and_the_connection_ends_when_the_client_gives_up()
    {
        await using var harness = new ProxyHarness(Upstream, _ => new ProxyDecision.Hang());
        var client = harness.Client(TimeSpan.FromMilliseconds(500));

        var clock = Stopwatch.StartNew();
        var error = await ExceptionShape.Catch(() => client.GetAsync(Backend.PagePath));
        clock.Stop();

        // Deeper down, the chain depends on what the cancelled read was doing; the top two are HttpClient's contract.
        Assert.That(error, Is.TypeOf<TaskCanceledException>().With.InnerException.TypeOf<TimeoutException>());
        Assert.That(ExceptionShape.Of(error), Does.StartWith("TaskCanceledException > TimeoutException > TaskCanceledException"));
        Assert.That(clock.Elapsed, Is.GreaterThanOrEqualTo(TimeSpan.FromMilliseconds(450)));
        Assert.That(() => harness.Proxy.ConnectionCount, Is.Zero.After(5000, 20), "the proxy closes its side once the client closes");
    }

    [Test]
    public async Task Releasing_a_hang_closes_the_connection_and_HttpClient_resends_the_request_on_a_new_one()
    {
        // The FIN comes before any response byte, which SocketsHttpHandler takes as a connection
        // closed under it: it sends the request again on a new connection, even a fresh one. The
        // client sees a slow success; the simulator sees the request twice.
        await using var harness = new ProxyHarness(Upstream, r => r.ConnectionId == 1 ? new ProxyDecision.Hang() : ProxyDecision.PassThrough);
        var client = harness.Client();

        var pending = client.GetStringAsync(Backend.PagePath);
        Assert.That(() => harness.Requests.Count, Is.EqualTo(1).After(5000, 10));
        Assert.That(() => harness.Proxy.ReleaseHung(), Is.EqualTo(1).After(5000, 10));
        var body = await pending.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.That(body, Is.EqualTo(Backend.Page));
        Assert.That(harness.Requests.Select(r => (r.ConnectionId, r.RequestNumber)), Is.EqualTo(new[] { (1L, 1), (2L, 1) }));
    }

    [Test]
    public async Task Releasing_a_hang_fails_a_request_that_HttpClient_may_not_resend()
    {
        // A request whose content was already sent is never resent: its caller sees the connection end.
        await using var harness = new ProxyHarness(Upstream, _ => new ProxyDecision.Hang());
        var client = harness.Client();

        var pending = ExceptionShape.Catch(() => client.PostAsync(Backend.UploadPath, new StringContent("order")));
        Assert.That(() => harness.Proxy.ReleaseHung(), Is.EqualTo(1).After(5000, 10));
        var error = await pending.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.That(ExceptionShape.Of(error), Is.EqualTo("HttpRequestException(ResponseEnded) > HttpIOException(ResponseEnded)"));
    }

    [Test]
    public async Task Cut_ends_the_body_early_and_HttpClient_reports_the_response_ended()
    {
        await using var harness = new ProxyHarness(Upstream, _ => new ProxyDecision.Cut(1000));
        var client = harness.Client();

        var error = await ExceptionShape.Catch(() => client.GetAsync(Backend.PagePath));

        Assert.That(ExceptionShape.Of(error), Is.EqualTo("HttpRequestException(ResponseEnded) > HttpIOException(ResponseEnded)"));
    }

    [Test]
    public async Task Cut_delivers_the_head_and_exactly_the_first_body_bytes_to_a_streaming_reader()
    {
        await using var harness = new ProxyHarness(Upstream, _ => new ProxyDecision.Cut(5000));
        var client = harness.Client();

        using var response = await client.GetAsync(Backend.PagePath, HttpCompletionOption.ResponseHeadersRead);
        await using var body = await response.Content.ReadAsStreamAsync();
        var received = new MemoryStream();
        var error = await ExceptionShape.Catch(() => body.CopyToAsync(received));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(ExceptionShape.Of(error), Is.EqualTo("HttpIOException(ResponseEnded)"));
        Assert.That(received.ToArray(), Is.EqualTo(Encoding.UTF8.GetBytes(Backend.Page)[..5000]));
    }

    [Test]
    public async Task Cut_beyond_the_body_delivers_it_whole()
    {
        await using var harness = new ProxyHarness(Upstream, _ => new ProxyDecision.Cut(Backend.PageBytes));
        var client = harness.Client();

        Assert.That(await client.GetStringAsync(Backend.PagePath), Is.EqualTo(Backend.Page));
    }

    [Test]
    public async Task A_one_megabyte_body_is_relayed_intact_both_ways()
    {
        await using var harness = new ProxyHarness(Upstream);
        var client = harness.Client();

        var downloaded = await client.GetByteArrayAsync(Backend.BigPath);
        using var sized = await client.PostAsync(Backend.UploadPath, new ByteArrayContent(Backend.Big));
        using var chunked = await client.PostAsync(Backend.UploadPath, new StreamContent(new UnknownLengthStream(Backend.Big)));

        Assert.That(downloaded, Is.EqualTo(Backend.Big));
        Assert.That(sized.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(chunked.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        var uploads = Upstream.Server.LogEntries.Where(e => e.RequestMessage!.Path == Backend.UploadPath).TakeLast(2).ToArray();
        Assert.That(uploads.Select(u => u.RequestMessage!.BodyAsBytes), Has.All.EqualTo(Backend.Big));
        Assert.That(harness.Requests.Select(r => r.ConnectionId).Distinct().Count(), Is.EqualTo(1));
    }

    [Test]
    public async Task HEAD_and_Expect_100_continue_pass_through_and_keep_the_connection_in_step()
    {
        await using var harness = new ProxyHarness(Upstream);
        var client = harness.Client();

        using var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, Backend.PagePath));
        using var upload = new HttpRequestMessage(HttpMethod.Post, Backend.UploadPath) { Content = new ByteArrayContent(Backend.Big) };
        upload.Headers.ExpectContinue = true;
        var clock = Stopwatch.StartNew();
        using var uploaded = await client.SendAsync(upload);
        clock.Stop();
        var page = await client.GetStringAsync(Backend.PagePath);

        Assert.That(head.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await head.Content.ReadAsByteArrayAsync(), Is.Empty);
        Assert.That(uploaded.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(1)), "100 Continue was relayed: the client did not wait out its 1 s expect-continue timeout");
        Assert.That(Upstream.Server.LogEntries.Last(e => e.RequestMessage!.Path == Backend.UploadPath).RequestMessage!.BodyAsBytes, Is.EqualTo(Backend.Big));
        Assert.That(page, Is.EqualTo(Backend.Page));
        Assert.That(harness.Requests.Select(r => (r.ConnectionId, r.RequestNumber)), Is.EqualTo(new[] { (1L, 1), (1L, 2), (1L, 3) }));
    }

    [Test]
    public async Task Fifty_concurrent_requests_all_complete()
    {
        await using var harness = new ProxyHarness(Upstream, r => new ProxyDecision.Pass(TimeSpan.FromMilliseconds(r.ConnectionId % 5)));
        var client = harness.Client();

        var bodies = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => client.GetStringAsync(Backend.PagePath)));

        Assert.That(bodies, Has.All.EqualTo(Backend.Page));
        Assert.That(harness.Requests, Has.Count.EqualTo(50));
    }

    [Test]
    public async Task A_decision_callback_that_throws_gets_500_not_a_fault()
    {
        await using var harness = new ProxyHarness(Upstream, _ => throw new InvalidOperationException("profile missing"));
        var client = harness.Client();

        using var response = await client.GetAsync(Backend.PagePath);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.InternalServerError));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("InvalidOperationException: profile missing"));
    }

    [Test]
    public async Task An_unreachableUpstream_gets_502()
    {
        var port = FreePort();
        await using var proxy = FaultProxy.Start(new FaultProxyOptions { Backend = new IPEndPoint(IPAddress.Loopback, port) });
        using var client = new HttpClient { BaseAddress = proxy.Uri };

        using var response = await client.GetAsync(Backend.PagePath);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadGateway));
    }

    [Test]
    public async Task After_disposal_the_port_is_free_and_no_connection_is_left()
    {
        var harness = new ProxyHarness(Upstream, r => r.RequestNumber == 1 ? ProxyDecision.PassThrough : new ProxyDecision.Hang());
        var client = harness.Client();
        var port = harness.Proxy.Port;
        await client.GetStringAsync(Backend.PagePath);
        var hanging = ExceptionShape.Catch(() => client.GetAsync(Backend.PagePath));
        Assert.That(() => harness.Requests.Count, Is.EqualTo(2).After(5000, 10));

        await harness.Proxy.DisposeAsync();

        Assert.That(harness.Proxy.ConnectionCount, Is.Zero);
        Assert.That(ExceptionShape.Of(await hanging.WaitAsync(TimeSpan.FromSeconds(10))), Does.StartWith("HttpRequestException"));
        var open = System.Net.NetworkInformation.IPGlobalProperties.GetIPGlobalProperties().GetActiveTcpConnections()
            .Where(c => c.LocalEndPoint.Port == port && c.State == System.Net.NetworkInformation.TcpState.Established);
        Assert.That(open, Is.Empty);
        using var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        Assert.That(() => listener.Bind(new IPEndPoint(IPAddress.Loopback, port)), Throws.Nothing);
        await harness.DisposeAsync();
    }

    [Test]
    public async Task Disposing_twice_and_refusing_after_disposal_behave()
    {
        var proxy = FaultProxy.Start(new FaultProxyOptions { Backend = Upstream.EndPoint });
        await proxy.DisposeAsync();
        await proxy.DisposeAsync();

        Assert.That(() => proxy.SetRefusing(true), Throws.TypeOf<ObjectDisposedException>());
    }

    private static int FreePort()
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)socket.LocalEndPoint!).Port;
    }

    /// <summary>A stream that hides its length, so that HttpClient sends it chunked.</summary>
    private sealed class UnknownLengthStream(byte[] data) : MemoryStream(data)
    {
        public override bool CanSeek => false;
    }
}
