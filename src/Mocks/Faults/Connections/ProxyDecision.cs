namespace ContractKit.Mocks.Faults.Connections;

/// <summary>
/// What <see cref="FaultProxy"/> does with one request: forward it (<see cref="Pass"/>), answer it
/// itself (<see cref="Respond"/>), or break the connection the way a failing server or network
/// would (<see cref="Reset"/>, <see cref="Hang"/>, <see cref="Cut"/>). The closed set of cases is the
/// nested records; nothing else derives from this type.
/// </summary>
public abstract record ProxyDecision
{
    private ProxyDecision()
    {
    }

    /// <summary>Forward at once: the decision of a healthy source (one shared instance).</summary>
    public static ProxyDecision PassThrough { get; } = new Pass(TimeSpan.Zero);

    /// <summary>
    /// Forward the request to the backend and relay its response, after <paramref name="Delay"/>
    /// (latency injection; real time, measured by the proxy's <see cref="FaultProxyOptions.TimeProvider"/>).
    /// </summary>
    /// <param name="Delay">Time waited before forwarding; zero or more.</param>
    public sealed record Pass(TimeSpan Delay) : ProxyDecision
    {
        /// <summary>Time waited before forwarding; zero or more.</summary>
        public TimeSpan Delay { get; } = NonNegative(Delay, nameof(Delay));
    }

    /// <summary>
    /// Answer without asking the backend, after <paramref name="Delay"/>: a 503, a 429 with
    /// <c>Retry-After</c> and <c>X-RateLimit-*</c>, a 401. The proxy reads and discards the request
    /// body, writes <c>Content-Length</c> itself and keeps the connection open when the client asked for that.
    /// </summary>
    /// <param name="Status">The status code, 200 to 999 (a 1xx is interim, never a final answer).</param>
    /// <param name="Headers">Response headers (neither <c>Content-Length</c>, <c>Transfer-Encoding</c> nor <c>Connection</c>: the proxy frames the response). Null means none.</param>
    /// <param name="Body">The body bytes (not sent to a HEAD request).</param>
    /// <param name="Delay">Time waited before answering; zero or more.</param>
    public sealed record Respond(
        int Status,
        IReadOnlyList<KeyValuePair<string, string>>? Headers = null,
        ReadOnlyMemory<byte> Body = default,
        TimeSpan Delay = default) : ProxyDecision
    {
        /// <summary>The status code, 200 to 999.</summary>
        public int Status { get; } = Status is >= 200 and <= 999
            ? Status
            : throw new ArgumentOutOfRangeException(nameof(Status), Status, "a final HTTP status code is 200 to 999 (1xx are interim)");

        /// <summary>Response headers, in the order written.</summary>
        public IReadOnlyList<KeyValuePair<string, string>> Headers { get; } = Checked(Headers ?? []);

        /// <summary>Time waited before answering; zero or more.</summary>
        public TimeSpan Delay { get; } = NonNegative(Delay, nameof(Delay));

        private static IReadOnlyList<KeyValuePair<string, string>> Checked(IReadOnlyList<KeyValuePair<string, string>> headers)
        {
            foreach (var (name, value) in headers)
            {
                if (!HttpSyntax.IsToken(name))
                    throw new ArgumentException($"'{name}' is not a header name (letters, digits and !#$%&'*+-.^_`|~ only)", nameof(headers));
                if (HttpSyntax.IsFramingHeader(name))
                    throw new ArgumentException($"the proxy writes '{name}' itself: leave it out of Respond's headers", nameof(headers));
                if (!HttpSyntax.IsFieldValue(value))
                    throw new ArgumentException($"the value of header '{name}' holds a control character (CR, LF or NUL are never allowed)", nameof(headers));
            }
            return headers;
        }
    }

    /// <summary>
    /// Abort the connection with a TCP RST as soon as the request head is read: the client gets
    /// "connection reset by peer", never a response.
    /// </summary>
    public sealed record Reset : ProxyDecision;

    /// <summary>
    /// Read the request and never answer. The connection stays open until the client closes it
    /// (its timeout), <see cref="FaultProxy.ReleaseHung"/> ends the fault window, refusing starts, or
    /// the proxy is disposed.
    /// </summary>
    public sealed record Hang : ProxyDecision;

    /// <summary>
    /// Forward the request, relay the response head and the first <paramref name="BodyBytes"/> bytes
    /// of its body (payload bytes: chunk framing is kept intact up to the cut), then close the
    /// connection (FIN): the client sees the response end early. A body no longer than
    /// <paramref name="BodyBytes"/> arrives whole and the connection closes after it.
    /// </summary>
    /// <param name="BodyBytes">Payload bytes relayed before the cut; zero or more.</param>
    public sealed record Cut(int BodyBytes) : ProxyDecision
    {
        /// <summary>Payload bytes relayed before the cut; zero or more.</summary>
        public int BodyBytes { get; } = BodyBytes >= 0
            ? BodyBytes
            : throw new ArgumentOutOfRangeException(nameof(BodyBytes), BodyBytes, "a cut keeps zero or more body bytes");
    }

    private static TimeSpan NonNegative(TimeSpan delay, string name) => delay >= TimeSpan.Zero
        ? delay
        : throw new ArgumentOutOfRangeException(name, delay, "a delay cannot be negative");
}
