using System.Net;
using System.Net.Sockets;
using System.Text;

namespace ContractKit.Mocks.Tests.Faults.Connections;

/// <summary>
/// A bare TCP connection for wire-level tests: what a fault puts on the wire (a RST, a FIN, a
/// cut body) without HttpClient interpreting it.
/// </summary>
internal static class RawConnection
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    public static async Task<Socket> ConnectAsync(EndPoint endpoint)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(endpoint);
        return socket;
    }

    public static async Task SendAsync(Socket socket, string text) =>
        await socket.SendAsync(Encoding.Latin1.GetBytes(text), SocketFlags.None);

    /// <summary>Reads until the server closes (FIN); a RST surfaces as the SocketException.</summary>
    public static async Task<byte[]> ReadToEndAsync(Socket socket)
    {
        using var timeout = new CancellationTokenSource(Patience);
        var received = new MemoryStream();
        var buffer = new byte[16 * 1024];
        int read;
        while ((read = await socket.ReceiveAsync(buffer, SocketFlags.None, timeout.Token)) > 0)
        {
            received.Write(buffer, 0, read);
        }

        return received.ToArray();
    }
}
