using System.Buffers;
using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using System.Net;
using System.Net.Sockets;
using System.Runtime.CompilerServices;
using System.Text;

namespace ContractKit.Mocks.Faults.Connections;

/// <summary>
/// One client connection of <see cref="FaultProxy"/> and the backend connection paired with it.
/// Requests are read one at a time (HTTP/1.1, no pipelining of responses); each gets a decision.
/// A passed request goes to the paired backend connection, opened on first use and kept as long as
/// both sides keep theirs: the proxy forwards heads and bodies as they are and only finds where
/// each message ends, so keep-alive and <c>Connection: close</c> work end to end.
/// </summary>
[SuppressMessage("Design", "CA1001", Justification = "The connection disposes its token source itself when it ends (Close); nothing else owns it.")]
internal sealed class ProxyConnection
{
    private const int MinBufferBytes = 16 * 1024;

    private readonly FaultProxyOptions _options;
    private readonly Socket _client;
    private readonly Action<ProxyConnection> _ended;
    private readonly CancellationTokenSource _lifetime = new();
    private readonly int _bufferBytes;
    private byte[]? _in;
    private int _inStart;
    private int _inEnd;
    private byte[]? _out;
    private Socket? _backend;
    private int _requests;
    private volatile bool _abortive;
    private volatile bool _idle = true;
    private volatile bool _hung;
    private Task<bool>? _pump;

    public ProxyConnection(FaultProxyOptions options, Socket client, long id, Action<ProxyConnection> ended)
    {
        _options = options;
        _client = client;
        _ended = ended;
        Id = id;
        _bufferBytes = Math.Max(options.MaxHeadBytes, MinBufferBytes);
    }

    public long Id { get; }

    public Task Completion { get; private set; } = Task.CompletedTask;

    private enum Relay
    {
        /// <summary>The whole response went to the client; both connections stay open.</summary>
        KeepAlive,

        /// <summary>The response went to the client (whole, or as far as the backend sent it); close.</summary>
        Close,

        /// <summary>The response went to the client up to the cut; close.</summary>
        Cut,

        /// <summary>The backend closed or failed before sending a byte; nothing went to the client.</summary>
        NoResponse,

        /// <summary>The backend's response head is not HTTP/1.x or too large; nothing went to the client.</summary>
        BadResponse,
    }

    public void Start() => Completion = Task.Run(RunAsync);

    /// <summary>
    /// Ends the connection at once, as the death of a server process would: an idle connection
    /// (between requests) gets a FIN, which HTTP clients take as "open a new one"; a connection
    /// in the middle of a request gets a RST.
    /// </summary>
    public void Drop()
    {
        try
        {
            if (_idle)
            {
                _client.Shutdown(SocketShutdown.Both);
            }
            else
            {
                _abortive = true;
                _client.LingerState = new LingerOption(true, 0);
                _client.Dispose();
            }
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            // Closed already.
        }
        Cancel();
    }

    /// <summary>Ends a hung connection with a FIN, as a fault window that ends would; false when it is not hung.</summary>
    public bool Release()
    {
        if (!_hung)
            return false;
        Cancel();
        return true;
    }

    private void Cancel()
    {
        try
        {
            _lifetime.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // Already over.
        }
    }

    private async Task RunAsync()
    {
        var ct = _lifetime.Token;
        _in = ArrayPool<byte>.Shared.Rent(_bufferBytes);
        try
        {
            while (await ServeOneAsync(ct))
            {
            }
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or IOException or ObjectDisposedException)
        {
            // The client went away, the backend failed mid-way, or the proxy dropped the connection.
        }
        finally
        {
            try
            {
                await StopPumpAsync();
                Close();
            }
            finally
            {
                _ended(this);
            }
        }
    }

    /// <summary>Reads one request, decides, acts; true when the connection stays open for the next.</summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<bool> ServeOneAsync(CancellationToken ct)
    {
        var headLength = await ReadRequestHeadAsync(ct);
        if (headLength == 0)
            return false;
        if (headLength < 0)
            return await WriteErrorAsync(431, "the request head is larger than the proxy's MaxHeadBytes", ct);
        var headStart = _inStart;
        var problem = RequestHead.TryParse(_in!.AsSpan(headStart, headLength), out var head);
        if (problem != RequestProblem.None)
        {
            return await WriteErrorAsync((int)problem, problem switch
            {
                RequestProblem.UnsupportedTransferCoding => "the fault proxy frames request bodies by Content-Length or chunked only",
                RequestProblem.UnsupportedVersion => "the fault proxy speaks HTTP/1.0 and HTTP/1.1 only",
                _ => "malformed HTTP/1.1 request head",
            }, ct);
        }
        _inStart += headLength;

        var request = new ProxyRequest(head.Method, head.Target, head.Headers, Id, ++_requests);
        ProxyDecision decision;
        try
        {
            decision = _options.Decide is { } decide ? await decide(request, ct) : ProxyDecision.PassThrough;
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            return await WriteErrorAsync(500, $"the fault proxy's decision callback failed: {e.GetType().Name}: {e.Message}", ct);
        }

        switch (decision)
        {
            case ProxyDecision.Pass pass:
                await DelayAsync(pass.Delay, ct);
                return await ForwardAsync(head, headStart, headLength, long.MaxValue, ct);
            case ProxyDecision.Cut cut:
                await ForwardAsync(head, headStart, headLength, cut.BodyBytes, ct);
                return false;
            case ProxyDecision.Respond respond:
                return await RespondAsync(head, respond, ct);
            case ProxyDecision.Reset:
                _abortive = true;
                return false;
            case ProxyDecision.Hang:
                await HangAsync(ct);
                return false;
            default:
                throw new UnreachableException($"unknown decision {decision}");
        }
    }

    /// <summary>
    /// Waits at least <paramref name="delay"/> as the proxy's clock measures it: a timer may fire
    /// up to a tick early, and injected latency must never be less than asked for.
    /// </summary>
    private async ValueTask DelayAsync(TimeSpan delay, CancellationToken ct)
    {
        if (delay <= TimeSpan.Zero)
            return;
        var time = _options.TimeProvider;
        var start = time.GetTimestamp();
        for (var left = delay; left > TimeSpan.Zero; left = delay - time.GetElapsedTime(start))
            await Task.Delay(left < TimeSpan.FromMilliseconds(1) ? TimeSpan.FromMilliseconds(1) : left, time, ct);
    }

    /// <summary>
    /// Reads until the buffer holds a whole request head; returns its length, 0 when the client
    /// closed first, -1 when the head exceeds <see cref="FaultProxyOptions.MaxHeadBytes"/>.
    /// </summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<int> ReadRequestHeadAsync(CancellationToken ct)
    {
        var buffer = _in!;
        if (_inStart == _inEnd)
            _inStart = _inEnd = 0;
        while (true)
        {
            // A server should ignore empty lines before a request line (RFC 9112 §2.2).
            while (_inEnd - _inStart >= 2 && buffer[_inStart] == '\r' && buffer[_inStart + 1] == '\n')
                _inStart += 2;
            var pending = buffer.AsSpan(_inStart, _inEnd - _inStart);
            var end = pending.IndexOf(HttpSyntax.EndOfHead);
            if (end >= 0)
                return end + 4 <= _options.MaxHeadBytes ? end + 4 : -1;
            if (pending.Length >= _options.MaxHeadBytes)
                return -1;
            if (_inEnd == buffer.Length)
            {
                pending.CopyTo(buffer);
                _inEnd -= _inStart;
                _inStart = 0;
            }
            _idle = _inStart == _inEnd;
            var read = await _client.ReceiveAsync(buffer.AsMemory(_inEnd), SocketFlags.None, ct);
            _idle = false;
            if (read == 0)
                return 0;
            _inEnd += read;
        }
    }

    /// <summary>Forwards the request and relays the response, up to <paramref name="cutAt"/> body bytes; true when the connection stays open.</summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<bool> ForwardAsync(RequestHead head, int headStart, int headLength, long cutAt, CancellationToken ct)
    {
        // The part of the body that arrived with the head goes to the backend in the same send.
        var chunks = default(ChunkedBodyScanner);
        long bodyLeft = 0;
        int bodyInBuffer;
        if (head.Chunked)
        {
            bodyInBuffer = chunks.Scan(_in!.AsSpan(_inStart, _inEnd - _inStart), long.MaxValue, out _);
            if (bodyInBuffer < 0)
                return await WriteErrorAsync(400, "malformed chunked request body", ct);
        }
        else
        {
            var length = Math.Max(0, head.ContentLength);
            bodyInBuffer = (int)Math.Min(length, _inEnd - _inStart);
            bodyLeft = length - bodyInBuffer;
        }
        var whole = head.Chunked ? chunks.IsDone : bodyLeft == 0;
        var first = _in!.AsMemory(headStart, headLength + bodyInBuffer);
        _inStart += bodyInBuffer;

        for (var attempt = 1; ; attempt++)
        {
            var reused = _backend is not null;
            if (!reused && !await ConnectBackendAsync(ct))
                return await WriteErrorAsync(502, "the fault proxy could not connect to its backend", ct);
            // A kept backend connection may have been closed by the backend meanwhile (its keep-alive
            // timeout): then a request that is wholly in the buffer is sent again on a new one, as
            // HTTP clients do with pooled connections.
            var mayRetry = reused && whole && attempt == 1;
            try
            {
                await SendAllAsync(_backend!, first, ct);
            }
            catch (Exception e) when (mayRetry && e is SocketException or IOException)
            {
                DropBackend();
                continue;
            }

            // The rest of the body streams while the response is read: a backend may answer early,
            // and a client that sent Expect: 100-continue waits for the interim response.
            if (!whole)
                _pump = PumpRequestBodyAsync(chunks, bodyLeft, head.Chunked, ct);
            var relay = await RelayResponseAsync(head.IsHeadMethod, cutAt, mayRetry, ct);
            if (_pump is { } pump && relay == Relay.KeepAlive)
            {
                // Only a wholly sent body leaves the connections in step for the next request;
                // otherwise RunAsync stops the pump when the connection closes.
                if (!await pump)
                    relay = Relay.Close;
                _pump = null;
            }
            switch (relay)
            {
                case Relay.KeepAlive when head.KeepAlive:
                    return true;
                case Relay.NoResponse when mayRetry:
                    DropBackend();
                    continue;
                case Relay.NoResponse:
                    DropBackend();
                    return await WriteErrorAsync(502, "the backend closed the connection without answering", ct);
                case Relay.BadResponse:
                    DropBackend();
                    return await WriteErrorAsync(502, "the backend's response is not HTTP/1.x or its head is too large", ct);
                default:
                    DropBackend();
                    return false;
            }
        }
    }

    /// <summary>Stops a request body still streaming when the connection ends, so its buffer can be returned.</summary>
    private async ValueTask StopPumpAsync()
    {
        if (_pump is not { } pump)
            return;
        Cancel();
        try
        {
            await pump;
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or IOException or ObjectDisposedException)
        {
            // Ended with the connection.
        }
    }

    /// <summary>Streams the rest of the request body to the backend, while the response is relayed; false when the body was malformed.</summary>
    private async Task<bool> PumpRequestBodyAsync(ChunkedBodyScanner chunks, long bodyLeft, bool chunked, CancellationToken ct)
    {
        var buffer = _in!;
        var backend = _backend!;
        try
        {
            while (chunked ? !chunks.IsDone : bodyLeft > 0)
            {
                if (_inStart == _inEnd)
                {
                    _inStart = 0;
                    _inEnd = await _client.ReceiveAsync(buffer, SocketFlags.None, ct);
                    if (_inEnd == 0)
                        throw new IOException("the client closed the connection in the middle of the request body");
                }
                int take;
                if (chunked)
                {
                    take = chunks.Scan(buffer.AsSpan(_inStart, _inEnd - _inStart), long.MaxValue, out _);
                    if (take < 0)
                    {
                        backend.Dispose();
                        return false;
                    }
                }
                else
                {
                    take = (int)Math.Min(bodyLeft, _inEnd - _inStart);
                    bodyLeft -= take;
                }
                await SendAllAsync(backend, buffer.AsMemory(_inStart, take), ct);
                _inStart += take;
            }
            return true;
        }
        catch
        {
            // The response cannot come without the rest of the body: stop waiting for it.
            backend.Dispose();
            throw;
        }
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<Relay> RelayResponseAsync(bool headRequest, long cutAt, bool quietFailure, CancellationToken ct)
    {
        var backend = _backend!;
        var buffer = _out ??= ArrayPool<byte>.Shared.Rent(_bufferBytes);
        var end = 0;
        var relayed = false;
        int headLength;
        ResponseHead response;
        while (true)
        {
            var found = buffer.AsSpan(0, end).IndexOf(HttpSyntax.EndOfHead);
            if (found >= 0)
            {
                headLength = found + 4;
                if (headLength > _options.MaxHeadBytes || !ResponseHead.TryParse(buffer.AsSpan(0, headLength), headRequest, out response))
                    return relayed ? Relay.Close : Relay.BadResponse;
                if (!response.IsInterim)
                    break;
                // 100 Continue, 103 Early Hints: relay and read on to the final response.
                await SendAllAsync(_client, buffer.AsMemory(0, headLength), ct);
                relayed = true;
                buffer.AsSpan(headLength, end - headLength).CopyTo(buffer);
                end -= headLength;
                continue;
            }
            if (end >= _options.MaxHeadBytes)
                return relayed ? Relay.Close : Relay.BadResponse;
            int read;
            try
            {
                read = await backend.ReceiveAsync(buffer.AsMemory(end), SocketFlags.None, ct);
            }
            catch (SocketException) when (end == 0 && !relayed && quietFailure)
            {
                return Relay.NoResponse;
            }
            if (read == 0)
                return relayed ? Relay.Close : end == 0 ? Relay.NoResponse : Relay.BadResponse;
            end += read;
        }

        var budget = cutAt;
        var body = end - headLength;
        switch (response.Framing)
        {
            case BodyFraming.None:
                await SendAllAsync(_client, buffer.AsMemory(0, headLength), ct);
                // Bytes after a bodiless response, or a 101 (upgrades are not relayed): close.
                return body > 0 || response.Close || response.Status == 101 ? Relay.Close : Relay.KeepAlive;

            case BodyFraming.Length:
            {
                var left = response.ContentLength;
                var take = (int)Math.Min(Math.Min(body, left), budget);
                await SendAllAsync(_client, buffer.AsMemory(0, headLength + take), ct);
                left -= take;
                budget -= take;
                var extra = body - take > 0 && left == 0;
                while (left > 0 && budget > 0)
                {
                    var read = await backend.ReceiveAsync(buffer, SocketFlags.None, ct);
                    if (read == 0)
                        return Relay.Close;
                    take = (int)Math.Min(Math.Min(read, left), budget);
                    await SendAllAsync(_client, buffer.AsMemory(0, take), ct);
                    left -= take;
                    budget -= take;
                    extra = read > take && left == 0;
                }
                if (left > 0)
                    return Relay.Cut;
                return extra || response.Close ? Relay.Close : Relay.KeepAlive;
            }

            case BodyFraming.Chunked:
            {
                var chunks = default(ChunkedBodyScanner);
                var scanned = chunks.Scan(buffer.AsSpan(headLength, body), budget, out var payload);
                if (scanned < 0)
                {
                    await SendAllAsync(_client, buffer.AsMemory(0, headLength), ct);
                    return Relay.Close;
                }
                budget -= payload;
                await SendAllAsync(_client, buffer.AsMemory(0, headLength + scanned), ct);
                var available = body;
                while (!chunks.IsDone)
                {
                    if (scanned < available)
                        return Relay.Cut;
                    available = await backend.ReceiveAsync(buffer, SocketFlags.None, ct);
                    if (available == 0)
                        return Relay.Close;
                    scanned = chunks.Scan(buffer.AsSpan(0, available), budget, out payload);
                    if (scanned < 0)
                        return Relay.Close;
                    budget -= payload;
                    await SendAllAsync(_client, buffer.AsMemory(0, scanned), ct);
                }
                return scanned < available || response.Close ? Relay.Close : Relay.KeepAlive;
            }

            default:
            {
                // Delimited by the backend closing: relay until it does, then close too.
                var take = (int)Math.Min(body, budget);
                await SendAllAsync(_client, buffer.AsMemory(0, headLength + take), ct);
                budget -= take;
                while (budget > 0)
                {
                    var read = await backend.ReceiveAsync(buffer, SocketFlags.None, ct);
                    if (read == 0)
                        return Relay.Close;
                    take = (int)Math.Min(read, budget);
                    await SendAllAsync(_client, buffer.AsMemory(0, take), ct);
                    budget -= take;
                }
                return Relay.Cut;
            }
        }
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<bool> ConnectBackendAsync(CancellationToken ct)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        using var timeout = new CancellationTokenSource(_options.BackendConnectTimeout, _options.TimeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, timeout.Token);
        try
        {
            await socket.ConnectAsync(_options.Backend!, linked.Token);
            _backend = socket;
            return true;
        }
        catch (Exception e) when ((e is SocketException or OperationCanceledException) && !ct.IsCancellationRequested)
        {
            socket.Dispose();
            return false;
        }
    }

    private void DropBackend()
    {
        _backend?.Dispose();
        _backend = null;
    }

    /// <summary>Answers with the decision's response; true when the connection stays open.</summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<bool> RespondAsync(RequestHead head, ProxyDecision.Respond respond, CancellationToken ct)
    {
        var keepAlive = head.KeepAlive;
        if (head.HasBody)
        {
            // A client waiting for 100 Continue never sends the body: answer and close instead.
            if (head.ExpectsContinue)
                keepAlive = false;
            else if (!await DiscardRequestBodyAsync(head, ct))
                return await WriteErrorAsync(400, "malformed chunked request body", ct);
        }
        await DelayAsync(respond.Delay, ct);
        await WriteResponseAsync(respond.Status, respond.Headers, respond.Body, !head.IsHeadMethod, !keepAlive, ct);
        return keepAlive;
    }

    /// <summary>Reads and drops the request body; false when its chunked framing is malformed.</summary>
    private async ValueTask<bool> DiscardRequestBodyAsync(RequestHead head, CancellationToken ct)
    {
        var buffer = _in!;
        var chunks = default(ChunkedBodyScanner);
        var left = Math.Max(0, head.ContentLength);
        while (true)
        {
            int take;
            if (head.Chunked)
            {
                take = chunks.Scan(buffer.AsSpan(_inStart, _inEnd - _inStart), long.MaxValue, out _);
                if (take < 0)
                    return false;
            }
            else
            {
                take = (int)Math.Min(left, _inEnd - _inStart);
                left -= take;
            }
            _inStart += take;
            if (head.Chunked ? chunks.IsDone : left == 0)
                return true;
            _inStart = 0;
            _inEnd = await _client.ReceiveAsync(buffer, SocketFlags.None, ct);
            if (_inEnd == 0)
                throw new IOException("the client closed the connection in the middle of the request body");
        }
    }

    /// <summary>Holds the connection: reads and drops whatever the client sends until it closes or the hang is released.</summary>
    private async ValueTask HangAsync(CancellationToken ct)
    {
        _hung = true;
        var buffer = _in!;
        while (await _client.ReceiveAsync(buffer, SocketFlags.None, ct) > 0)
        {
        }
    }

    /// <summary>Answers an error of the proxy itself (malformed request, backend down) and closes: returns false.</summary>
    private async ValueTask<bool> WriteErrorAsync(int status, string message, CancellationToken ct)
    {
        var body = Encoding.UTF8.GetBytes(message + "\n");
        await WriteResponseAsync(status, [new("Content-Type", "text/plain; charset=utf-8")], body, sendBody: true, close: true, ct);
        return false;
    }

    private async ValueTask WriteResponseAsync(
        int status, IReadOnlyList<KeyValuePair<string, string>> headers, ReadOnlyMemory<byte> body, bool sendBody, bool close, CancellationToken ct)
    {
        var head = new StringBuilder(128)
            .Append("HTTP/1.1 ").Append(status).Append(' ').Append(HttpSyntax.ReasonPhrase(status)).Append("\r\n");
        foreach (var (name, value) in headers)
            head.Append(name).Append(": ").Append(value).Append("\r\n");
        head.Append("Content-Length: ").Append(body.Length).Append("\r\n");
        if (close)
            head.Append("Connection: close\r\n");
        head.Append("\r\n");

        var headText = head.ToString();
        var headBytes = Encoding.Latin1.GetByteCount(headText);
        var length = headBytes + (sendBody ? body.Length : 0);
        var message = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            Encoding.Latin1.GetBytes(headText, message);
            if (sendBody)
                body.Span.CopyTo(message.AsSpan(headBytes));
            await SendAllAsync(_client, message.AsMemory(0, length), ct);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(message);
        }
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    private static async ValueTask SendAllAsync(Socket socket, ReadOnlyMemory<byte> data, CancellationToken ct)
    {
        while (!data.IsEmpty)
        {
            var sent = await socket.SendAsync(data, SocketFlags.None, ct);
            data = data[sent..];
        }
    }

    /// <summary>
    /// Closes the client connection with a FIN, or with a RST (linger 0) after <see cref="ProxyDecision.Reset"/>
    /// or <see cref="Drop"/> in the middle of a request; closes the backend connection; returns the buffers.
    /// </summary>
    private void Close()
    {
        try
        {
            if (_abortive)
                _client.LingerState = new LingerOption(true, 0);
            else
                _client.Shutdown(SocketShutdown.Both);
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            // The client is gone already.
        }
        _client.Dispose();
        DropBackend();
        _lifetime.Dispose();
        if (_in is not null)
            ArrayPool<byte>.Shared.Return(_in);
        if (_out is not null)
            ArrayPool<byte>.Shared.Return(_out);
        _in = _out = null;
    }
}
