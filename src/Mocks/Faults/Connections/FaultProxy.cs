using System.Net;
using System.Net.Sockets;

namespace ContractKit.Mocks.Faults.Connections;

/// <summary>
/// An HTTP/1.1 proxy on loopback that puts real connection faults between clients and a backend
/// (the simulator's WireMock.Net server), which WireMock.Net's own faults cannot do: for each
/// request a callback chooses to forward it (with a delay), answer it, reset the connection (RST),
/// hang, or cut the response short (FIN mid-body); <see cref="SetRefusing"/> closes the listener so
/// that connecting is refused.
/// </summary>
/// <remarks>
/// Each client connection is paired with one backend connection, opened when its first request is
/// forwarded and kept while both sides keep theirs. Requests are forwarded unchanged (the
/// <c>Host</c> header is the proxy's) and responses relayed unchanged; the proxy parses heads only
/// to find where each message ends. Request bodies may be framed by Content-Length or chunked;
/// another transfer coding gets 501. Protocol upgrades (101) are not relayed: the connection closes
/// after the 101 head. The proxy's own errors are answered with <c>Connection: close</c>: 400
/// (malformed request), 431 (head larger than <see cref="FaultProxyOptions.MaxHeadBytes"/>), 500
/// (the decision callback threw), 502 (backend unreachable or not speaking HTTP/1.x), 505.
/// </remarks>
public sealed class FaultProxy : IAsyncDisposable
{
    private const int Backlog = 512;

    private readonly FaultProxyOptions _options;
    private readonly Lock _gate = new();
    private readonly Dictionary<long, ProxyConnection> _connections = [];
    private readonly CancellationTokenSource _stopping = new();
    private Socket? _listener;
    private Task _accepting = Task.CompletedTask;
    private long _lastConnectionId;
    private bool _refusing;
    private bool _disposed;

    private FaultProxy(FaultProxyOptions options, Socket listener)
    {
        _options = options;
        Port = ((IPEndPoint)listener.LocalEndPoint!).Port;
        Uri = new Uri($"http://{IPAddress.Loopback}:{Port}/");
        _listener = listener;
        _accepting = AcceptAsync(listener);
    }

    /// <summary>The loopback port the proxy listens on (the same one after refusing ends).</summary>
    public int Port { get; }

    /// <summary>The proxy's base address, <c>http://127.0.0.1:PORT/</c>.</summary>
    public Uri Uri { get; }

    /// <summary>Whether the listener is closed, so that connecting is refused.</summary>
    public bool IsRefusing
    {
        get
        {
            lock (_gate)
                return _refusing;
        }
    }

    /// <summary>Client connections open now.</summary>
    internal int ConnectionCount
    {
        get
        {
            lock (_gate)
                return _connections.Count;
        }
    }

    /// <summary>Starts listening on <see cref="IPAddress.Loopback"/>.</summary>
    /// <exception cref="ArgumentException">The options are invalid (every problem is listed).</exception>
    /// <exception cref="SocketException">The port is taken.</exception>
    public static FaultProxy Start(FaultProxyOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        return new FaultProxy(options, Listen(options.Port));
    }

    /// <summary>
    /// With true, closes the listening socket, so that new connections are refused (the client's
    /// connect fails with ECONNREFUSED), and drops every open client connection as a dying server
    /// process would: idle ones with a FIN (a pooling client then connects anew, and is refused),
    /// ones in the middle of a request with a RST. With false, listens again on the same <see cref="Port"/>.
    /// </summary>
    /// <exception cref="SocketException">Listening again failed: another process took the port meanwhile.</exception>
    /// <exception cref="ObjectDisposedException">The proxy is disposed.</exception>
    public void SetRefusing(bool refusing)
    {
        Socket? closed = null;
        List<ProxyConnection> dropped = [];
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_refusing == refusing)
                return;
            if (refusing)
            {
                closed = _listener;
                _listener = null;
                dropped.AddRange(_connections.Values);
            }
            else
            {
                var listener = Listen(Port);
                _listener = listener;
                _accepting = AcceptAsync(listener);
            }
            _refusing = refusing;
        }
        closed?.Dispose();
        foreach (var connection in dropped)
            connection.Drop();
    }

    /// <summary>
    /// Ends the fault window of <see cref="ProxyDecision.Hang"/>: closes every hung connection with
    /// a FIN (the client sees the connection closed without a response). Returns how many there were.
    /// </summary>
    public int ReleaseHung()
    {
        List<ProxyConnection> connections;
        lock (_gate)
            connections = [.. _connections.Values];
        return connections.Count(c => c.Release());
    }

    /// <summary>Closes the listener and every connection (idle ones with a FIN, busy ones with a RST), and waits until all are closed: the port is then free.</summary>
    public async ValueTask DisposeAsync()
    {
        Socket? listener;
        List<ProxyConnection> connections;
        lock (_gate)
        {
            if (_disposed)
                return;
            _disposed = true;
            listener = _listener;
            _listener = null;
            connections = [.. _connections.Values];
        }
        await _stopping.CancelAsync();
        listener?.Dispose();
        foreach (var connection in connections)
            connection.Drop();
        await _accepting;
        await Task.WhenAll(connections.Select(c => c.Completion));
        _stopping.Dispose();
    }

    private static Socket Listen(int port)
    {
        var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            // Lets refusing end on the same port while connections the proxy closed sit in TIME_WAIT.
            listener.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
            listener.Bind(new IPEndPoint(IPAddress.Loopback, port));
            listener.Listen(Backlog);
            return listener;
        }
        catch
        {
            listener.Dispose();
            throw;
        }
    }

    private async Task AcceptAsync(Socket listener)
    {
        while (true)
        {
            Socket client;
            try
            {
                client = await listener.AcceptAsync(_stopping.Token);
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException or OperationCanceledException)
            {
                lock (_gate)
                {
                    if (_listener != listener)
                        return;
                }
                // Out of descriptors or a like transient failure: let it pass, then accept again.
                await Task.Delay(TimeSpan.FromMilliseconds(10), _options.TimeProvider);
                continue;
            }

            client.NoDelay = true;
            ProxyConnection? connection = null;
            lock (_gate)
            {
                // Refusing or disposal may have begun since the accept: then the connection is dropped.
                if (_listener == listener)
                {
                    connection = new ProxyConnection(_options, client, ++_lastConnectionId, Forget);
                    _connections.Add(connection.Id, connection);
                    // Started under the lock, so that disposal waits for its real completion.
                    connection.Start();
                }
            }
            if (connection is null)
            {
                client.LingerState = new LingerOption(true, 0);
                client.Dispose();
            }
        }
    }

    private void Forget(ProxyConnection connection)
    {
        lock (_gate)
            _connections.Remove(connection.Id);
    }
}
