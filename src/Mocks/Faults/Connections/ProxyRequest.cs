namespace ContractKit.Mocks.Faults.Connections;

/// <summary>
/// One HTTP/1.x request as <see cref="FaultProxy"/> read it, given to the decision callback before
/// anything is forwarded. The body is not included: it is still on its way.
/// </summary>
public sealed class ProxyRequest
{
    internal ProxyRequest(string method, string target, IReadOnlyList<KeyValuePair<string, string>> headers, long connectionId, int requestNumber)
    {
        Method = method;
        Target = target;
        Headers = headers;
        ConnectionId = connectionId;
        RequestNumber = requestNumber;
    }

    /// <summary>The method, as sent (<c>GET</c>, <c>POST</c>…).</summary>
    public string Method { get; }

    /// <summary>The request target as sent: path and query (<c>/orders?page=2</c>).</summary>
    public string Target { get; }

    /// <summary>The header fields in the order sent, names as sent, values without surrounding spaces.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; }

    /// <summary>Numbers the client connections this proxy accepted, from 1.</summary>
    public long ConnectionId { get; }

    /// <summary>Numbers the requests on <see cref="ConnectionId"/>, from 1: above 1 the client reused a pooled connection.</summary>
    public int RequestNumber { get; }

    /// <summary>The value of the first header named <paramref name="name"/> (case-insensitive), or null.</summary>
    public string? Header(string name)
    {
        foreach (var (key, value) in Headers)
        {
            if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase))
                return value;
        }
        return null;
    }

    /// <inheritdoc />
    public override string ToString() => $"{Method} {Target} (connection {ConnectionId}, request {RequestNumber})";
}
