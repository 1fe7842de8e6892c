using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Connections.Features;
using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;
using Microsoft.Extensions.Logging.Abstractions;

namespace ContractKit.Mocks.Faults.InProcess;

/// <summary>
/// Kestrel's listening socket on one loopback endpoint, which can stop listening, so that connecting
/// is refused (nothing listens on the port), and listen again on the same port. Kestrel does not
/// notice: while refusing, its accept loop simply waits here. Connections are made by Kestrel's own
/// socket transport (<see cref="SocketConnectionContextFactory"/>), so serving costs what it does
/// without this type.
/// </summary>
internal sealed class RefusableListener : IConnectionListener
{
    // Kestrel's own default backlog.
    private const int Backlog = 512;

    private readonly Lock _gate = new();
    private readonly SocketConnectionContextFactory _connections = new(new SocketConnectionFactoryOptions(), NullLogger.Instance);
    private readonly HashSet<ConnectionContext> _open = [];
    private Socket? _socket;
    private TaskCompletionSource _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private bool _unbound;

    /// <summary>Listens on <paramref name="endpoint"/> (port 0 takes a free one).</summary>
    /// <exception cref="SocketException">The port is taken.</exception>
    public RefusableListener(IPEndPoint endpoint)
    {
        _socket = Listen(endpoint);
        EndPoint = _socket.LocalEndPoint!;
    }

    /// <summary>The endpoint listened on, with its real port; the same one after refusing ends.</summary>
    public EndPoint EndPoint { get; }

    /// <summary>Whether the listening socket is closed now, so that connecting is refused.</summary>
    public bool IsRefusing
    {
        get
        {
            lock (_gate)
            {
                return _socket is null && !_unbound;
            }
        }
    }

    /// <summary>
    /// With true, closes the listening socket (a connect is answered with RST: ECONNREFUSED) and
    /// closes every open connection with a FIN, as a stopped server's idle ones would be (reset the
    /// busy ones first, if they should get a RST); a pooling client then connects anew, and is refused. With false, listens again on the same port. Returns whether
    /// anything changed.
    /// </summary>
    /// <exception cref="SocketException">Listening again failed: another process took the port meanwhile.</exception>
    public bool SetRefusing(bool refusing)
    {
        Socket? closed = null;
        List<ConnectionContext> dropped = [];
        lock (_gate)
        {
            if (_unbound || (_socket is null) == refusing)
            {
                return false;
            }

            if (refusing)
            {
                closed = _socket;
                _socket = null;
                dropped.AddRange(_open);
            }
            else
            {
                _socket = Listen((IPEndPoint)EndPoint);
                var waiting = _listening;
                _listening = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                waiting.SetResult();
            }
        }

        closed?.Dispose();
        foreach (var connection in dropped)
        {
            Close(connection);
        }

        return true;
    }

    /// <summary>The next connection; while refusing, waits until listening again. Null once unbound.</summary>
    public async ValueTask<ConnectionContext?> AcceptAsync(CancellationToken cancellationToken = default)
    {
        while (true)
        {
            Socket? listener;
            Task listening;
            lock (_gate)
            {
                if (_unbound)
                {
                    return null;
                }

                listener = _socket;
                listening = _listening.Task;
            }

            if (listener is null)
            {
                await listening.WaitAsync(cancellationToken).ConfigureAwait(false);
                continue;
            }

            Socket accepted;
            try
            {
                accepted = await listener.AcceptAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException)
            {
                // The socket was closed (refusing began, or Kestrel unbinds), or a connection was reset
                // while in the backlog (Kestrel's own listener tries again then too): look again.
                continue;
            }

            accepted.NoDelay = true;
            lock (_gate)
            {
                if (_socket == listener)
                {
                    var connection = _connections.Create(accepted);
                    _open.Add(connection);
                    connection.ConnectionClosed.Register(Forget, connection);
                    return connection;
                }
            }

            // Refusing began between the accept and now: the connection is dropped, as a dying server's would be.
            accepted.LingerState = new LingerOption(true, 0);
            accepted.Dispose();
        }
    }

    /// <summary>Stops listening for good (Kestrel is stopping): a waiting <see cref="AcceptAsync"/> returns null.</summary>
    public ValueTask UnbindAsync(CancellationToken cancellationToken = default)
    {
        Socket? closed;
        lock (_gate)
        {
            _unbound = true;
            closed = _socket;
            _socket = null;
            _listening.TrySetResult();
        }

        closed?.Dispose();
        return ValueTask.CompletedTask;
    }

    /// <summary>Unbinds and frees the transport's buffers (Kestrel calls it once its connections are closed).</summary>
    public async ValueTask DisposeAsync()
    {
        await UnbindAsync().ConfigureAwait(false);
        _connections.Dispose();
    }

    /// <summary>Closes a connection with a FIN, as a stopped server's idle ones are closed.</summary>
    private static void Close(ConnectionContext connection)
    {
        // Kestrel's abort alone disposes a socket with a read pending, which .NET closes abortively
        // (RST); shutting the socket down first makes both the close and that dispose graceful.
        try
        {
            connection.Features.Get<IConnectionSocketFeature>()?.Socket.Shutdown(SocketShutdown.Both);
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            // Closed meanwhile (a hung request's connection was reset first).
        }

        connection.Abort(new ConnectionAbortedException("the simulated source stopped listening"));
    }

    private void Forget(object? connection)
    {
        lock (_gate)
        {
            _open.Remove((ConnectionContext)connection!);
        }
    }

    private static Socket Listen(IPEndPoint endpoint)
    {
        var socket = new Socket(endpoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            // Lets refusing end on the same port while connections this side closed sit in TIME_WAIT.
            socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
            socket.Bind(endpoint);
            socket.Listen(Backlog);
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
