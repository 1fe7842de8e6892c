namespace ContractKit.Mocks.Faults.Connections;

/// <summary>Why a request head cannot be forwarded, as the status the client gets.</summary>
internal enum RequestProblem
{
    None = 0,
    Malformed = 400,
    HeadTooLarge = 431,
    UnsupportedTransferCoding = 501,
    UnsupportedVersion = 505,
}

/// <summary>A parsed HTTP/1.x request head: what the proxy needs to frame the body and keep the connection.</summary>
internal readonly record struct RequestHead(
    string Method,
    string Target,
    List<KeyValuePair<string, string>> Headers,
    long ContentLength,
    bool Chunked,
    bool KeepAlive,
    bool ExpectsContinue)
{
    public bool IsHeadMethod => Method == "HEAD";

    /// <summary>Whether a body follows the head.</summary>
    public bool HasBody => Chunked || ContentLength > 0;

    /// <summary>Parses a head that ends with CRLF CRLF (RFC 9112 §2–§6).</summary>
    public static RequestProblem TryParse(ReadOnlySpan<byte> head, out RequestHead result)
    {
        result = default;
        var lineEnd = head.IndexOf("\r\n"u8);
        var requestLine = head[..lineEnd];
        var rest = head[(lineEnd + 2)..];

        // request-line = method SP request-target SP HTTP-version
        var firstSpace = requestLine.IndexOf((byte)' ');
        var lastSpace = requestLine.LastIndexOf((byte)' ');
        if (firstSpace <= 0 || lastSpace <= firstSpace + 1)
            return RequestProblem.Malformed;
        var method = requestLine[..firstSpace];
        var target = requestLine[(firstSpace + 1)..lastSpace];
        var version = requestLine[(lastSpace + 1)..];
        if (!HttpSyntax.IsToken(method) || target.ContainsAny(" \t\r\n\0"u8) || !HttpSyntax.IsFieldValue(target))
            return RequestProblem.Malformed;
        bool http11;
        if (version.SequenceEqual("HTTP/1.1"u8))
            http11 = true;
        else if (version.SequenceEqual("HTTP/1.0"u8))
            http11 = false;
        else
            return version.StartsWith("HTTP/"u8) ? RequestProblem.UnsupportedVersion : RequestProblem.Malformed;

        var headers = new List<KeyValuePair<string, string>>(8);
        long contentLength = -1;
        var chunked = false;
        var transferEncoding = false;
        var close = !http11;
        var expectsContinue = false;
        while (true)
        {
            lineEnd = rest.IndexOf("\r\n"u8);
            var line = rest[..lineEnd];
            rest = rest[(lineEnd + 2)..];
            if (line.IsEmpty)
                break;
            var colon = line.IndexOf((byte)':');
            // A space before the colon, or a folded line, is a request-smuggling vector: reject (RFC 9112 §5.1, §5.2).
            if (colon <= 0 || !HttpSyntax.IsToken(line[..colon]))
                return RequestProblem.Malformed;
            var name = line[..colon];
            var value = line[(colon + 1)..].Trim(" \t"u8);
            if (!HttpSyntax.IsFieldValue(value))
                return RequestProblem.Malformed;

            if (HttpSyntax.EqualsIgnoreCase(name, "Content-Length"u8))
            {
                var length = HttpSyntax.ParseLength(value);
                if (length < 0 || (contentLength >= 0 && contentLength != length))
                    return RequestProblem.Malformed;
                contentLength = length;
            }
            else if (HttpSyntax.EqualsIgnoreCase(name, "Transfer-Encoding"u8))
            {
                transferEncoding = true;
                chunked = HttpSyntax.EqualsIgnoreCase(HttpSyntax.LastOfList(value), "chunked"u8);
            }
            else if (HttpSyntax.EqualsIgnoreCase(name, "Connection"u8))
            {
                if (HttpSyntax.ListContains(value, "close"u8))
                    close = true;
                else if (!http11 && HttpSyntax.ListContains(value, "keep-alive"u8))
                    close = false;
            }
            else if (HttpSyntax.EqualsIgnoreCase(name, "Expect"u8))
            {
                expectsContinue = HttpSyntax.EqualsIgnoreCase(value, "100-continue"u8);
            }
            headers.Add(new(HeaderName(name), HttpSyntax.Text(value)));
        }

        if (transferEncoding)
        {
            // Both framings at once is how requests are smuggled (RFC 9112 §6.1); a coding that does
            // not end in chunked cannot be framed at all.
            if (contentLength >= 0 || !http11)
                return RequestProblem.Malformed;
            if (!chunked)
                return RequestProblem.UnsupportedTransferCoding;
        }

        result = new RequestHead(MethodName(method), HttpSyntax.Text(target), headers, contentLength, chunked, !close, expectsContinue);
        return RequestProblem.None;
    }

    /// <summary>The common methods as shared literals, so a request allocates no method string.</summary>
    private static string MethodName(ReadOnlySpan<byte> method) => method switch
    {
        _ when method.SequenceEqual("GET"u8) => "GET",
        _ when method.SequenceEqual("HEAD"u8) => "HEAD",
        _ when method.SequenceEqual("POST"u8) => "POST",
        _ when method.SequenceEqual("PUT"u8) => "PUT",
        _ when method.SequenceEqual("DELETE"u8) => "DELETE",
        _ when method.SequenceEqual("PATCH"u8) => "PATCH",
        _ when method.SequenceEqual("OPTIONS"u8) => "OPTIONS",
        _ => HttpSyntax.Text(method),
    };

    /// <summary>The common header names as shared literals.</summary>
    private static string HeaderName(ReadOnlySpan<byte> name) => name switch
    {
        _ when name.SequenceEqual("Host"u8) => "Host",
        _ when name.SequenceEqual("Accept"u8) => "Accept",
        _ when name.SequenceEqual("Authorization"u8) => "Authorization",
        _ when name.SequenceEqual("User-Agent"u8) => "User-Agent",
        _ when name.SequenceEqual("Content-Type"u8) => "Content-Type",
        _ when name.SequenceEqual("Content-Length"u8) => "Content-Length",
        _ when name.SequenceEqual("Connection"u8) => "Connection",
        _ => HttpSyntax.Text(name),
    };
}
