using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using ContractKit.Mocks.Faults.Connections;
using ContractKit.Mocks.Tests.Faults.Connections;
using Microsoft.Extensions.Time.Testing;

namespace ContractKit.Mocks.Tests.Faults.InProcess;

/// <summary>
/// The faults carried out inside WireMock.Net's own Kestrel look, to HttpClient and on the wire,
/// as the same decisions do through <see cref="FaultProxy"/> (its tests assert the same shapes).
/// </summary>
public class InProcessFaultsTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Test]
    public async Task Pass_serves_WireMock_s_response_on_a_kept_connection()
    {
        using var harness = new InProcessHarness();
        using var socket = await ConnectAsync(harness);

        await RawConnection.SendAsync(socket, $"GET /tiny HTTP/1.1\r\nHost: sim\r\n\r\nGET /tiny HTTP/1.1\r\nHost: sim\r\nConnection: close\r\n\r\n");
        var text = Encoding.Latin1.GetString(await RawConnection.ReadToEndAsync(socket));

        Assert.That(text.Split("HTTP/1.1 200 OK\r\n"), Has.Length.EqualTo(3), "two responses on one connection");
    }

    [Test]
    public async Task Pass_with_a_delay_waits_on_the_given_TimeProvider()
    {
        var time = new FakeTimeProvider();
        using var harness = new InProcessHarness(_ => new ProxyDecision.Pass(TimeSpan.FromHours(1)), time);
        var client = harness.Client(Timeout.InfiniteTimeSpan);

        var pending = client.GetStringAsync("/tiny");
        await Task.Delay(300);
        Assert.That(pending.IsCompleted, Is.False, "nothing moves until the clock does");

        // The delay's timer exists only once the request has arrived: advance until it fires.
        var clock = Stopwatch.StartNew();
        while (!pending.IsCompleted && clock.Elapsed < Patience)
        {
            time.Advance(TimeSpan.FromHours(1));
            await Task.Delay(20);
        }

        Assert.That(await pending.WaitAsync(Patience), Is.EqualTo("tiny"));
    }

    [Test]
    public async Task Respond_answers_with_status_headers_and_body_and_HEAD_gets_no_body()
    {
        using var harness = new InProcessHarness(_ => new ProxyDecision.Respond(429,
            [new("Retry-After", "7"), new("X-RateLimit-Limit", "2"), new("Content-Type", "application/json")], "{\"error\":\"rate\"}"u8.ToArray()));
        var client = harness.Client();

        using var response = await client.GetAsync(Backend.PagePath);
        using var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, Backend.PagePath));
        using var again = await client.GetAsync(Backend.PagePath);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests));
        Assert.That(response.ReasonPhrase, Is.EqualTo("Too Many Requests"));
        Assert.That(response.Headers.RetryAfter?.Delta, Is.EqualTo(TimeSpan.FromSeconds(7)));
        Assert.That(response.Headers.GetValues("X-RateLimit-Limit").Single(), Is.EqualTo("2"));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/json"));
        Assert.That(await response.Content.ReadAsStringAsync(), Is.EqualTo("{\"error\":\"rate\"}"));
        Assert.That(head.Content.Headers.ContentLength, Is.EqualTo(16));
        Assert.That(await again.Content.ReadAsStringAsync(), Is.EqualTo("{\"error\":\"rate\"}"), "the connection stays in step");
    }

    [Test]
    public async Task Reset_sends_a_RST_so_the_read_fails_with_connection_reset_rather_than_ending()
    {
        using var harness = new InProcessHarness(_ => new ProxyDecision.Reset());
        using var socket = await ConnectAsync(harness);

        await RawConnection.SendAsync(socket, $"GET {Backend.PagePath} HTTP/1.1\r\nHost: sim\r\n\r\n");
        var error = await ExceptionShape.Catch(() => RawConnection.ReadToEndAsync(socket));

        Assert.That(ExceptionShape.Of(error), Is.EqualTo("SocketException(ConnectionReset)"));
    }

    [Test]
    public async Task Reset_fails_the_request_with_connection_reset_on_a_fresh_or_a_reused_connection()
    {
        var requests = 0;
        using var harness = new InProcessHarness(_ => Interlocked.Increment(ref requests) == 2 ? ProxyDecision.PassThrough : new ProxyDecision.Reset());
        var client = harness.Client();

        var fresh = await ExceptionShape.Catch(() => client.GetAsync(Backend.PagePath));
        Assert.That(await client.GetStringAsync(Backend.PagePath), Is.EqualTo(Backend.Page));
        var reused = await ExceptionShape.Catch(() => client.GetAsync(Backend.PagePath));

        Assert.That(ExceptionShape.Of(fresh), Is.EqualTo("HttpRequestException(Unknown) > IOException > SocketException(ConnectionReset)"));
        Assert.That(ExceptionShape.Of(reused), Is.EqualTo("HttpRequestException(Unknown) > IOException > SocketException(ConnectionReset)"));
        Assert.That(requests, Is.EqualTo(3), "HttpClient retried neither");
    }

    [Test]
    public async Task Cut_sends_the_head_with_the_full_length_then_exactly_the_first_body_bytes_then_a_FIN()
    {
        using var harness = new InProcessHarness(_ => new ProxyDecision.Cut(1000));
        using var socket = await ConnectAsync(harness);

        await RawConnection.SendAsync(socket, $"GET {Backend.PagePath} HTTP/1.1\r\nHost: sim\r\n\r\n");
        var received = await RawConnection.ReadToEndAsync(socket);

        var headEnd = received.AsSpan().IndexOf("\r\n\r\n"u8) + 4;
        var head = Encoding.Latin1.GetString(received[..headEnd]);
        Assert.That(head, Does.StartWith("HTTP/1.1 200 OK\r\n"));
        Assert.That(head, Does.Contain($"Content-Length: {Backend.PageBytes}\r\n"));
        Assert.That(head, Does.Contain("Content-Type: application/json\r\n"));
        Assert.That(received[headEnd..], Is.EqualTo(Encoding.UTF8.GetBytes(Backend.Page)[..1000]));
    }

    [Test]
    public async Task Cut_ends_the_body_early_and_HttpClient_reports_the_response_ended()
    {
        using var harness = new InProcessHarness(_ => new ProxyDecision.Cut(64));
        var client = harness.Client();

        var error = await ExceptionShape.Catch(() => client.GetAsync(Backend.PagePath));

        Assert.That(ExceptionShape.Of(error), Is.EqualTo("HttpRequestException(ResponseEnded) > HttpIOException(ResponseEnded)"));
    }

    [Test]
    public async Task Cut_beyond_the_body_delivers_it_whole_then_closes()
    {
        using var harness = new InProcessHarness(_ => new ProxyDecision.Cut(Backend.PageBytes));
        using var socket = await ConnectAsync(harness);

        await RawConnection.SendAsync(socket, $"GET {Backend.PagePath} HTTP/1.1\r\nHost: sim\r\n\r\n");
        var received = await RawConnection.ReadToEndAsync(socket);

        var headEnd = received.AsSpan().IndexOf("\r\n\r\n"u8) + 4;
        Assert.That(received[headEnd..], Is.EqualTo(Encoding.UTF8.GetBytes(Backend.Page)));
    }

    [Test]
    public async Task Hang_answers_nothing_until_the_client_gives_up()
    {
        using var harness = new InProcessHarness(_ => new ProxyDecision.Hang());
        var client = harness.Client(TimeSpan.FromMilliseconds(500));

        var clock = Stopwatch.StartNew();
        var error = await ExceptionShape.Catch(() => client.GetAsync(Backend.PagePath));
        clock.Stop();

        Assert.That(error, Is.TypeOf<TaskCanceledException>().With.InnerException.TypeOf<TimeoutException>());
        Assert.That(clock.Elapsed, Is.GreaterThanOrEqualTo(TimeSpan.FromMilliseconds(450)));
    }

    [Test]
    public async Task Refusing_resets_hung_requests_and_closes_idle_connections_then_listens_again_on_the_same_port()
    {
        using var harness = new InProcessHarness();
        using var idle = await ConnectAsync(harness);
        await RawConnection.SendAsync(idle, "GET /tiny HTTP/1.1\r\nHost: sim\r\n\r\n");
        var buffer = new byte[4096];
        Assert.That(await idle.ReceiveAsync(buffer, SocketFlags.None), Is.GreaterThan(0));

        harness.Decide = _ => new ProxyDecision.Hang();
        using var hung = await ConnectAsync(harness);
        await RawConnection.SendAsync(hung, "GET /tiny HTTP/1.1\r\nHost: sim\r\n\r\n");
        var hungRead = RawConnection.ReadToEndAsync(hung);
        await Task.Delay(300);
        Assert.That(hungRead.IsCompleted, Is.False, "nothing arrives while it hangs");

        harness.Faults.SetRefusing(true);

        Assert.That(ExceptionShape.Of(await ExceptionShape.Catch(() => hungRead)), Is.EqualTo("SocketException(ConnectionReset)"));
        Assert.That(await idle.ReceiveAsync(buffer, SocketFlags.None).WaitAsync(Patience), Is.Zero, "an idle connection gets a FIN");
        var refused = await ExceptionShape.Catch(() => harness.Client().GetAsync("/tiny"));
        Assert.That(ExceptionShape.Of(refused), Is.EqualTo("HttpRequestException(ConnectionError) > SocketException(ConnectionRefused)"));

        harness.Decide = _ => ProxyDecision.PassThrough;
        harness.Faults.SetRefusing(false);
        Assert.That(await harness.Client().GetStringAsync("/tiny"), Is.EqualTo("tiny"));
    }

    [Test]
    public async Task Stopping_resets_hung_requests_so_the_server_stops_at_once()
    {
        var harness = new InProcessHarness(_ => new ProxyDecision.Hang());
        using var socket = await ConnectAsync(harness);
        await RawConnection.SendAsync(socket, "GET /tiny HTTP/1.1\r\nHost: sim\r\n\r\n");
        var read = RawConnection.ReadToEndAsync(socket);
        await Task.Delay(300);

        var clock = Stopwatch.StartNew();
        harness.Dispose();
        clock.Stop();

        Assert.That(ExceptionShape.Of(await ExceptionShape.Catch(() => read)), Is.EqualTo("SocketException(ConnectionReset)"));
        Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(3)));
    }

    private static Task<Socket> ConnectAsync(InProcessHarness harness) => RawConnection.ConnectAsync(harness.EndPoint);
}
