using System.Net.Sockets;

namespace ContractKit.Mocks.Tests.Faults.Connections;

/// <summary>Describes an exception chain the way the tests assert it: <c>HttpRequestException(ConnectionError) > SocketException(ConnectionRefused)</c>.</summary>
internal static class ExceptionShape
{
    public static string Of(Exception? e)
    {
        var parts = new List<string>();
        for (; e is not null; e = e.InnerException)
        {
            parts.Add(e switch
            {
                HttpIOException io => $"HttpIOException({io.HttpRequestError})",
                HttpRequestException http => $"HttpRequestException({http.HttpRequestError})",
                SocketException socket => $"SocketException({socket.SocketErrorCode})",
                _ => e.GetType().Name,
            });
        }
        return string.Join(" > ", parts);
    }

    public static async Task<Exception> Catch(Func<Task> action)
    {
        try
        {
            await action();
        }
        catch (Exception e)
        {
            return e;
        }
        throw new AssertionException("expected an exception, but the call succeeded");
    }
}
