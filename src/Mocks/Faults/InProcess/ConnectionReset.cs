using System.Net.Sockets;
using Microsoft.AspNetCore.Connections.Features;
using Microsoft.AspNetCore.Http;

namespace ContractKit.Mocks.Faults.InProcess;

/// <summary>Breaks a request's connection with a TCP RST: the client reads "connection reset by peer", never a response.</summary>
internal static class ConnectionReset
{
    /// <exception cref="InvalidOperationException">The connection has no socket (not Kestrel's socket transport).</exception>
    public static void Abort(HttpContext http)
    {
        var socket = http.Features.Get<IConnectionSocketFeature>()?.Socket
            ?? throw new InvalidOperationException("the request's connection has no socket to reset: is Kestrel running on its socket transport?");

        // Lingering for zero seconds makes closing abortive: the peer gets a RST and no FIN. The socket
        // is closed here rather than through Kestrel, whose abort shuts the socket down first: that
        // would send a FIN ahead of the RST, and the client could read a clean end of the stream.
        try
        {
            socket.LingerState = new LingerOption(true, 0);
            socket.Dispose();
        }
        catch (ObjectDisposedException)
        {
            // The connection closed meanwhile: there is nothing left to reset.
        }

        // Kestrel then gives up the connection without trying to write a response.
        http.Abort();
    }
}
