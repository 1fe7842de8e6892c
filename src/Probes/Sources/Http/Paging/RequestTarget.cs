using System.Collections.Immutable;
using System.Globalization;

namespace ContractKit.Probes.Sources.Http.Paging;

/// <summary>
/// The URL of a dataset's endpoint: the source's base URL, the dataset's path and its fixed query
/// parameters, to which a page walk adds its own (a cursor, a page number, an offset).
/// </summary>
internal sealed class RequestTarget
{
    private readonly Uri _endpoint;
    private readonly ImmutableArray<KeyValuePair<string, string>> _query;

    /// <summary>Joins the base URL and the dataset's path (which may carry a query of its own).</summary>
    public RequestTarget(Uri baseUri, string path, IEnumerable<KeyValuePair<string, string>> query)
    {
        var question = path.IndexOf('?', StringComparison.Ordinal);
        var pathQuery = question < 0 ? [] : Split(path[(question + 1)..]);
        path = question < 0 ? path : path[..question];
        var builder = new UriBuilder(baseUri) { Path = baseUri.AbsolutePath.TrimEnd('/') + "/" + path.TrimStart('/') };
        _query = [.. Split(baseUri.Query.TrimStart('?')), .. pathQuery, .. query.OrderBy(p => p.Key, StringComparer.Ordinal)];
        builder.Query = "";
        _endpoint = builder.Uri;
    }

    /// <summary>The endpoint with its fixed query and <paramref name="parameters"/>, which replace fixed ones of the same name.</summary>
    public Uri With(params (string Name, string Value)[] parameters)
    {
        var query = _query.Where(q => parameters.All(p => p.Name != q.Key))
            .Concat(parameters.Select(p => new KeyValuePair<string, string>(p.Name, p.Value)))
            .Select(q => $"{Uri.EscapeDataString(q.Key)}={Uri.EscapeDataString(q.Value)}");
        return new UriBuilder(_endpoint) { Query = string.Join('&', query) }.Uri;
    }

    /// <summary>The same scheme, host and port as the endpoint (credentials may go there).</summary>
    public bool SameOrigin(Uri uri) => Uri.Compare(uri, _endpoint, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0;

    /// <summary>A number as a query value.</summary>
    public static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static IEnumerable<KeyValuePair<string, string>> Split(string query) =>
        query.Split('&', StringSplitOptions.RemoveEmptyEntries).Select(pair =>
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            return equals < 0
                ? new KeyValuePair<string, string>(Uri.UnescapeDataString(pair), "")
                : new KeyValuePair<string, string>(Uri.UnescapeDataString(pair[..equals]), Uri.UnescapeDataString(pair[(equals + 1)..]));
        });
}
