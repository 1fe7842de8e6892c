using System.Net;
using System.Net.Sockets;
using System.Text;
using ContractKit.Mocks.Faults.Connections;

namespace ContractKit.Mocks.Tests.Faults.Connections;

/// <summary>What the faults look like on the wire, read with a raw socket: RST or FIN, and where.</summary>
public class FaultProxyWireTests : BackendFixture
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Test]
    public async Task Reset_sends_a_RST_so_the_read_fails_with_connection_reset_rather_than_ending()
    {
        await using var harness = new ProxyHarness(Upstream, _ => new ProxyDecision.Reset());
        using var socket = await ConnectAsync(harness.Proxy);

        await RawConnection.SendAsync(socket, $"GET {Backend.PagePath} HTTP/1.1\r\nHost: proxy\r\n\r\n");
        var error = await ExceptionShape.Catch(() => RawConnection.ReadToEndAsync(socket));

        Assert.That(ExceptionShape.Of(error), Is.EqualTo("SocketException(ConnectionReset)"));
    }

    [Test]
    public async Task Cut_sends_the_head_and_the_first_body_bytes_then_a_FIN_mid_body()
    {
        await using var harness = new ProxyHarness(Upstream, _ => new ProxyDecision.Cut(1000));
        using var socket = await ConnectAsync(harness.Proxy);

        await RawConnection.SendAsync(socket, $"GET {Backend.PagePath} HTTP/1.1\r\nHost: proxy\r\n\r\n");
        var received = await RawConnection.ReadToEndAsync(socket);

        var text = Encoding.Latin1.GetString(received);
        var headEnd = text.IndexOf("\r\n\r\n", StringComparison.Ordinal) + 4;
        Assert.That(text, Does.StartWith("HTTP/1.1 200 OK\r\n"));
        Assert.That(text[..headEnd], Does.Contain("Transfer-Encoding: chunked"), "WireMock.Net sends its bodies chunked");
        var payload = Dechunk(received.AsSpan(headEnd), out var complete);
        Assert.That(complete, Is.False, "no last chunk: the body was cut");
        Assert.That(payload, Is.EqualTo(Encoding.UTF8.GetBytes(Backend.Page)[..1000]));
    }

    [Test]
    public async Task Cut_of_a_Content_Length_body_stops_after_exactly_that_many_bytes()
    {
        await using var lengthBackend = new LengthBackend("0123456789"u8.ToArray());
        await using var proxy = FaultProxy.Start(new FaultProxyOptions
        {
            Backend = lengthBackend.EndPoint,
            Decide = (_, _) => ValueTask.FromResult<ProxyDecision>(new ProxyDecision.Cut(3)),
        });
        using var socket = await ConnectAsync(proxy);

        await RawConnection.SendAsync(socket, "GET / HTTP/1.1\r\nHost: proxy\r\n\r\n");
        var text = Encoding.Latin1.GetString(await RawConnection.ReadToEndAsync(socket));

        Assert.That(text, Does.StartWith("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n"));
        Assert.That(text, Does.EndWith("\r\n\r\n012"));
    }

    [Test]
    public async Task AUpstream_connection_closed_between_requests_is_replaced_and_the_request_sent_again()
    {
        await using var lengthBackend = new LengthBackend("0123456789"u8.ToArray());
        await using var proxy = FaultProxy.Start(new FaultProxyOptions { Backend = lengthBackend.EndPoint });
        using var client = new HttpClient { BaseAddress = proxy.Uri };

        var bodies = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            bodies.Add(await client.GetStringAsync("/"));
            // Let the backend's FIN arrive before the next request, so that the proxy meets a closed connection.
            await Task.Delay(50);
        }

        Assert.That(bodies, Has.All.EqualTo("0123456789"));
        Assert.That(lengthBackend.Connections, Is.EqualTo(3));
        Assert.That(proxy.ConnectionCount, Is.EqualTo(1), "the client kept its one connection to the proxy");
    }

    [Test]
    public async Task Hang_reads_the_request_and_answers_nothing_while_the_connection_stays_open()
    {
        await using var harness = new ProxyHarness(Upstream, _ => new ProxyDecision.Hang());
        using var socket = await ConnectAsync(harness.Proxy);

        await RawConnection.SendAsync(socket, $"GET {Backend.PagePath} HTTP/1.1\r\nHost: proxy\r\n\r\n");
        var buffer = new byte[1];
        var read = socket.ReceiveAsync(buffer, SocketFlags.None);
        var finished = await Task.WhenAny(read, Task.Delay(TimeSpan.FromMilliseconds(500)));

        Assert.That(finished, Is.Not.SameAs(read), "nothing arrives");
        Assert.That(harness.Proxy.ConnectionCount, Is.EqualTo(1));
        Assert.That(harness.Proxy.ReleaseHung(), Is.EqualTo(1));
        Assert.That(await read.WaitAsync(Patience), Is.Zero, "a released hang ends with a FIN");
    }

    [Test]
    public async Task Pipelined_requests_are_answered_in_order_on_one_connection()
    {
        await using var harness = new ProxyHarness(Upstream, r => r.RequestNumber == 2
            ? new ProxyDecision.Respond(503)
            : ProxyDecision.PassThrough);
        using var socket = await ConnectAsync(harness.Proxy);

        await RawConnection.SendAsync(socket,
            $"GET {Backend.EmptyPath} HTTP/1.1\r\nHost: proxy\r\n\r\n"
            + $"GET {Backend.EmptyPath} HTTP/1.1\r\nHost: proxy\r\n\r\n"
            + $"GET {Backend.EmptyPath} HTTP/1.1\r\nHost: proxy\r\nConnection: close\r\n\r\n");
        var text = Encoding.Latin1.GetString(await RawConnection.ReadToEndAsync(socket));

        var statusLines = text.Split("\r\n").Where(l => l.StartsWith("HTTP/1.1 ", StringComparison.Ordinal));
        Assert.That(statusLines, Is.EqualTo(new[] { "HTTP/1.1 204 No Content", "HTTP/1.1 503 Service Unavailable", "HTTP/1.1 204 No Content" }));
        Assert.That(harness.Requests.Select(r => r.RequestNumber), Is.EqualTo(new[] { 1, 2, 3 }));
    }

    [Test]
    public async Task A_client_asking_to_close_gets_its_connection_closed_after_the_response()
    {
        await using var harness = new ProxyHarness(Upstream);
        using var socket = await ConnectAsync(harness.Proxy);

        await RawConnection.SendAsync(socket, $"GET {Backend.PagePath} HTTP/1.1\r\nHost: proxy\r\nConnection: close\r\n\r\n");
        var received = await RawConnection.ReadToEndAsync(socket);

        var headEnd = received.AsSpan().IndexOf("\r\n\r\n"u8) + 4;
        Assert.That(Dechunk(received.AsSpan(headEnd), out var complete), Is.EqualTo(Encoding.UTF8.GetBytes(Backend.Page)));
        Assert.That(complete, Is.True);
    }

    [TestCase("GET / HTTP/1.1\r\nHost : proxy\r\n\r\n", 400, TestName = "A space before the colon gets 400")]
    [TestCase("GET / HTTP/1.1\r\nHost: proxy\r\n folded\r\n\r\n", 400, TestName = "A folded header line gets 400")]
    [TestCase("GET / HTTP/1.1\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\n", 400, TestName = "Two Content-Lengths get 400")]
    [TestCase("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\nContent-Length: 5\r\n\r\n", 400, TestName = "Both framings get 400")]
    [TestCase("POST / HTTP/1.1\r\nTransfer-Encoding: gzip\r\n\r\n", 501, TestName = "A transfer coding other than chunked gets 501")]
    [TestCase("GET / HTTP/2.0\r\n\r\n", 505, TestName = "HTTP/2 in a request line gets 505")]
    [TestCase("GARBAGE\r\n\r\n", 400, TestName = "A line that is no request line gets 400")]
    public async Task Malformed_requests_are_answered_by_the_proxy_and_closed(string request, int status)
    {
        await using var harness = new ProxyHarness(Upstream);
        using var socket = await ConnectAsync(harness.Proxy);

        await RawConnection.SendAsync(socket, request);
        var text = Encoding.Latin1.GetString(await RawConnection.ReadToEndAsync(socket));

        Assert.That(text, Does.StartWith($"HTTP/1.1 {status} "));
        Assert.That(text, Does.Contain("\r\nConnection: close\r\n"));
        Assert.That(harness.Requests, Is.Empty, "the decision callback never sees it");
    }

    [Test]
    public async Task A_head_larger_than_the_limit_gets_431()
    {
        await using var harness = new ProxyHarness(Upstream);
        using var socket = await ConnectAsync(harness.Proxy);

        await RawConnection.SendAsync(socket, $"GET / HTTP/1.1\r\nX-Big: {new string('a', 20_000)}\r\n\r\n");
        var text = Encoding.Latin1.GetString(await RawConnection.ReadToEndAsync(socket));

        Assert.That(text, Does.StartWith("HTTP/1.1 431 "));
    }

    [Test]
    public async Task A_chunked_request_body_split_across_writes_reaches_theUpstream()
    {
        await using var harness = new ProxyHarness(Upstream);
        using var socket = await ConnectAsync(harness.Proxy);

        await RawConnection.SendAsync(socket, $"POST {Backend.UploadPath} HTTP/1.1\r\nHost: proxy\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhel");
        await Task.Delay(50);
        await RawConnection.SendAsync(socket, "lo\r\n6;ext=1\r\n world\r\n0\r\nX-Trailer: t\r\n\r\n");
        await RawConnection.SendAsync(socket, $"GET {Backend.EmptyPath} HTTP/1.1\r\nHost: proxy\r\nConnection: close\r\n\r\n");
        var text = Encoding.Latin1.GetString(await RawConnection.ReadToEndAsync(socket));

        Assert.That(text, Does.StartWith("HTTP/1.1 201 Created\r\n"));
        Assert.That(text, Does.Contain("HTTP/1.1 204 No Content\r\n"));
        var upload = Upstream.Server.LogEntries.Last(e => e.RequestMessage!.Path == Backend.UploadPath);
        Assert.That(upload.RequestMessage!.Body, Is.EqualTo("hello world"));
    }

    private static Task<Socket> ConnectAsync(FaultProxy proxy) =>
        RawConnection.ConnectAsync(new IPEndPoint(IPAddress.Loopback, proxy.Port));

    /// <summary>The payload of a chunked body; <paramref name="complete"/> when the last chunk arrived.</summary>
    private static byte[] Dechunk(ReadOnlySpan<byte> wire, out bool complete)
    {
        var payload = new MemoryStream();
        complete = false;
        while (true)
        {
            var lineEnd = wire.IndexOf("\r\n"u8);
            if (lineEnd < 0)
                return payload.ToArray();
            var size = Convert.ToInt32(Encoding.ASCII.GetString(wire[..lineEnd]).Split(';')[0], 16);
            wire = wire[(lineEnd + 2)..];
            if (size == 0)
            {
                complete = wire.SequenceEqual("\r\n"u8);
                return payload.ToArray();
            }
            var take = Math.Min(size, wire.Length);
            payload.Write(wire[..take]);
            if (take < size)
                return payload.ToArray();
            wire = wire[(size + 2)..];
        }
    }

    /// <summary>
    /// A server that frames its body with Content-Length (WireMock.Net never does) and answers one
    /// request per connection, then closes it without saying so, as a server whose keep-alive
    /// timeout struck between two requests would.
    /// </summary>
    private sealed class LengthBackend : IAsyncDisposable
    {
        private readonly Socket _listener = new(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        private readonly CancellationTokenSource _stop = new();
        private readonly Task _serving;
        private int _connections;

        public LengthBackend(byte[] body)
        {
            _listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            _listener.Listen();
            _serving = ServeAsync(body);
        }

        public IPEndPoint EndPoint => (IPEndPoint)_listener.LocalEndPoint!;

        public int Connections => Volatile.Read(ref _connections);

        private async Task ServeAsync(byte[] body)
        {
            var response = Encoding.ASCII.GetBytes($"HTTP/1.1 200 OK\r\nContent-Length: {body.Length}\r\n\r\n").Concat(body).ToArray();
            while (true)
            {
                using var connection = await _listener.AcceptAsync(_stop.Token);
                Interlocked.Increment(ref _connections);
                var buffer = new byte[4096];
                var head = new MemoryStream();
                while (head.ToArray().AsSpan().IndexOf("\r\n\r\n"u8) < 0)
                {
                    var read = await connection.ReceiveAsync(buffer, SocketFlags.None, _stop.Token);
                    if (read == 0)
                        break;
                    head.Write(buffer, 0, read);
                }
                try
                {
                    await connection.SendAsync(response, SocketFlags.None, _stop.Token);
                    connection.Shutdown(SocketShutdown.Both);
                }
                catch (SocketException)
                {
                    // The proxy cut the connection first.
                }
            }
        }

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync();
            _listener.Dispose();
            try
            {
                await _serving;
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException or OperationCanceledException)
            {
                // Stopped.
            }
            _stop.Dispose();
        }
    }
}
