using System.Buffers;
using System.Text;

namespace ContractKit.Mocks.Faults.Connections;

/// <summary>HTTP/1.1 syntax shared by the request and response parsers (RFC 9110, RFC 9112).</summary>
internal static class HttpSyntax
{
    /// <summary>The blank line that ends a head.</summary>
    public static ReadOnlySpan<byte> EndOfHead => "\r\n\r\n"u8;

    private static readonly SearchValues<char> TokenChars =
        SearchValues.Create("!#$%&'*+-.^_`|~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz");

    private static readonly SearchValues<byte> TokenBytes =
        SearchValues.Create("!#$%&'*+-.^_`|~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"u8);

    public static bool IsToken(string value) => value.Length > 0 && !value.AsSpan().ContainsAnyExcept(TokenChars);

    public static bool IsToken(ReadOnlySpan<byte> value) => value.Length > 0 && !value.ContainsAnyExcept(TokenBytes);

    /// <summary>A field value: visible characters, spaces and tabs, obs-text; no CR, LF, NUL or other controls.</summary>
    public static bool IsFieldValue(string value)
    {
        foreach (var c in value)
        {
            if ((c < 0x20 && c != '\t') || c == 0x7F || c > 0xFF)
                return false;
        }
        return true;
    }

    public static bool IsFieldValue(ReadOnlySpan<byte> value)
    {
        foreach (var b in value)
        {
            if ((b < 0x20 && b != '\t') || b == 0x7F)
                return false;
        }
        return true;
    }

    /// <summary>Headers that frame a message or steer its connection, which the proxy writes itself.</summary>
    public static bool IsFramingHeader(string name) =>
        name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase)
        || name.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase)
        || name.Equals("Connection", StringComparison.OrdinalIgnoreCase);

    /// <summary>Case-insensitive comparison of ASCII bytes with an ASCII literal.</summary>
    public static bool EqualsIgnoreCase(ReadOnlySpan<byte> bytes, ReadOnlySpan<byte> literal) =>
        Ascii.EqualsIgnoreCase(bytes, literal);

    /// <summary>Whether the comma-separated list <paramref name="list"/> holds <paramref name="token"/> (case-insensitive).</summary>
    public static bool ListContains(ReadOnlySpan<byte> list, ReadOnlySpan<byte> token)
    {
        foreach (var range in list.Split((byte)','))
        {
            if (Ascii.EqualsIgnoreCase(list[range].Trim(" \t"u8), token))
                return true;
        }
        return false;
    }

    /// <summary>The last element of a comma-separated list, trimmed.</summary>
    public static ReadOnlySpan<byte> LastOfList(ReadOnlySpan<byte> list)
    {
        var comma = list.LastIndexOf((byte)',');
        return (comma < 0 ? list : list[(comma + 1)..]).Trim(" \t"u8);
    }

    /// <summary>A Content-Length value: digits only, at most 18 of them; -1 when malformed.</summary>
    public static long ParseLength(ReadOnlySpan<byte> value)
    {
        if (value.IsEmpty || value.Length > 18)
            return -1;
        long length = 0;
        foreach (var b in value)
        {
            if (b is < (byte)'0' or > (byte)'9')
                return -1;
            length = length * 10 + (b - '0');
        }
        return length;
    }

    /// <summary>Text of header bytes: ISO-8859-1, as HTTP/1.1 fields are.</summary>
    public static string Text(ReadOnlySpan<byte> bytes) => Encoding.Latin1.GetString(bytes);

    /// <summary>The text of <paramref name="bytes"/>: one of <paramref name="known"/> when it spells one (no allocation), else a new string.</summary>
    public static string Text(ReadOnlySpan<byte> bytes, string[] known)
    {
        foreach (var candidate in known)
        {
            if (Ascii.Equals(bytes, candidate))
                return candidate;
        }
        return Text(bytes);
    }

    public static string ReasonPhrase(int status) => status switch
    {
        100 => "Continue",
        200 => "OK",
        201 => "Created",
        202 => "Accepted",
        204 => "No Content",
        301 => "Moved Permanently",
        302 => "Found",
        304 => "Not Modified",
        400 => "Bad Request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not Found",
        408 => "Request Timeout",
        409 => "Conflict",
        410 => "Gone",
        413 => "Content Too Large",
        422 => "Unprocessable Content",
        429 => "Too Many Requests",
        431 => "Request Header Fields Too Large",
        500 => "Internal Server Error",
        501 => "Not Implemented",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        504 => "Gateway Timeout",
        505 => "HTTP Version Not Supported",
        _ => "",
    };

    /// <summary>Whether a response to a request with this method and with this status carries no body, whatever its headers say.</summary>
    public static bool HasNoBody(bool headRequest, int status) =>
        headRequest || status is (>= 100 and < 200) or 204 or 304;
}
