using System.Globalization;
using System.Text;
using ContractKit.Contracts.Model.Datasets;
using ContractKit.Contracts.Model.Simulation;
using ContractKit.Mocks.Feeds;
using ContractKit.Mocks.Ledger;
using ContractKit.Mocks.Randomness;
using WireMock;
using WireMock.Types;
using WireMock.Util;

namespace ContractKit.Mocks.Http;

/// <summary>
/// Serves one HTTP dataset: the feed's records, newest first, a page at a time, in the contract's
/// pagination style. Pagination faults of the active profile (expired cursors, overlapping or skipped pages)
/// are injected here and written to the ledger.
/// </summary>
internal sealed class DatasetEndpoint
{
    public const int DefaultPageSize = 50;

    private readonly HttpLocation _location;
    private readonly DatasetFeed _feed;
    private readonly TimeProvider _clock;
    private readonly Func<DateTimeOffset, PaginationFaults?> _faults;
    private readonly GroundTruthLedger _ledger;
    private readonly ulong _seed;
    private readonly PageBody _body;
    private long _requests;
    private volatile RenderedPage? _lastPage;

    public DatasetEndpoint(HttpLocation location, DatasetFeed feed, TimeProvider clock, Func<DateTimeOffset, PaginationFaults?> faults, GroundTruthLedger ledger, ulong seed)
    {
        _location = location;
        _feed = feed;
        _clock = clock;
        _faults = faults;
        _ledger = ledger;
        _seed = seed;
        _body = new PageBody(location.Records, location.Pagination is CursorPagination cursor ? cursor.Next : null);
    }

    public IResponseMessage Handle(IRequestMessage request)
    {
        var now = _clock.GetUtcNow();
        _feed.CatchUp(now);
        var number = Interlocked.Increment(ref _requests);
        var count = _feed.Count;
        var (below, size, error) = Position(request, count);
        if (error is not null)
        {
            return Json(400, $"{{\"error\":{Quote(error)}}}");
        }

        if (_faults(now) is { } faults)
        {
            var roll = Seeds.Unit(Seeds.Mix(_seed, (ulong)number, 11));
            var shift = Math.Max(1, size / 4);
            var continuing = below < count;
            if (continuing && roll < faults.ExpiredCursor.Fraction)
            {
                Fault(now, request, "expired-cursor", "the cursor was rejected as expired (410)");
                return Json(410, "{\"error\":\"cursor expired\"}");
            }

            roll -= faults.ExpiredCursor.Fraction;
            if (continuing && roll >= 0 && roll < faults.Overlap.Fraction)
            {
                below = Math.Min(count, below + shift);
                Fault(now, request, "overlap", $"the page repeats the last {shift} records of the previous one");
            }
            else if (roll >= faults.Overlap.Fraction && roll < faults.Overlap.Fraction + faults.Skip.Fraction)
            {
                below = Math.Max(0, below - shift);
                Fault(now, request, "skip", $"the page leaves out {shift} records");
            }
        }

        // Newest first: a page holds the records just below the boundary, latest at the top.
        var from = Math.Max(0, below - size);
        var more = from > 0;
        var response = new ResponseMessage { StatusCode = 200, Headers = new Dictionary<string, WireMockList<string>>() };
        string? next = null;
        switch (_location.Pagination)
        {
            case CursorPagination:
                next = more ? Cursor(from) : null;
                break;
            case LinkHeaderPagination link when more:
                response.AddHeader("Link", $"<{NextUrl(request, ("cursor", Cursor(from)))}>; rel=\"{link.Rel}\"");
                break;
        }

        response.BodyData = new BodyData { DetectedBodyType = BodyType.Bytes, BodyAsBytes = Body(from, below, next) };
        response.AddHeader("Content-Type", "application/json");
        return response;
    }

    /// <summary>
    /// The page of records [from, below), newest first. The feed only grows at the top, so a range
    /// always holds the same records: the last page rendered is kept, since clients polling the newest
    /// page (or a load test) ask for the same range again and again.
    /// </summary>
    private byte[] Body(int from, int below, string? next)
    {
        if (_lastPage is { } last && last.From == from && last.Below == below)
        {
            return last.Body;
        }

        var body = _body.Write([.. _feed.Slice(from, below - from).Reverse().Select(e => e.Json)], next);
        _lastPage = new RenderedPage(from, below, body);
        return body;
    }

    private sealed record RenderedPage(int From, int Below, byte[] Body);

    /// <summary>
    /// Which records a request asks for: those with a feed position below a boundary, at most
    /// <c>Size</c> of them. Cursors name the boundary itself, so they stay valid as records arrive;
    /// page numbers and offsets count from the newest record, so they shift — as they do on real APIs.
    /// </summary>
    private (int Below, int Size, string? Error) Position(IRequestMessage request, int count)
    {
        string? Query(string name) => request.Query is { } query && query.TryGetValue(name, out var values) ? values.FirstOrDefault() : null;
        static int? Number(string? text) => int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;

        switch (_location.Pagination)
        {
            case CursorPagination cursor:
                return Query(cursor.Param) is { } c ? Decode(c, count) : (count, DefaultPageSize, null);
            case LinkHeaderPagination:
                return Query("cursor") is { } l ? Decode(l, count) : (count, DefaultPageSize, null);
            case PageNumberPagination page:
                {
                    var size = Number(page.SizeParam is null ? null : Query(page.SizeParam)) ?? page.Size ?? DefaultPageSize;
                    var number = Number(Query(page.Param)) ?? page.Start;
                    return number < page.Start || size < 1 ? (0, 0, "page out of range") : (Math.Max(0, count - ((number - page.Start) * size)), size, null);
                }

            case OffsetPagination offset:
                return (Math.Max(0, count - (Number(Query(offset.Param)) ?? 0)), Math.Max(1, Number(Query(offset.LimitParam)) ?? offset.Limit), null);
            default:
                return (count, int.MaxValue, null);
        }

        static (int, int, string?) Decode(string cursor, int count) =>
            cursor.StartsWith('c') && int.TryParse(cursor.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var boundary) && boundary <= count
                ? (boundary, DefaultPageSize, null)
                : (0, 0, $"'{cursor}' is not a cursor this API issued");
    }

    // A cursor is a boundary in the append-only feed: the records below it never change.
    private static string Cursor(int boundary) => "c" + boundary.ToString(CultureInfo.InvariantCulture);

    private static string NextUrl(IRequestMessage request, (string Name, string Value) replace)
    {
        var query = (request.Query ?? new Dictionary<string, WireMockList<string>>())
            .Where(q => q.Key != replace.Name)
            .Select(q => $"{Uri.EscapeDataString(q.Key)}={Uri.EscapeDataString(q.Value.FirstOrDefault() ?? "")}")
            .Append($"{replace.Name}={Uri.EscapeDataString(replace.Value)}");
        var host = request.Headers is { } headers && headers.TryGetValue("Host", out var h) ? h.FirstOrDefault() : $"{request.Host}:{request.Port}";
        return $"http://{host}{request.Path}?{string.Join('&', query)}";
    }

    private void Fault(DateTimeOffset now, IRequestMessage request, string kind, string detail) =>
        _ledger.Add(new LedgerFault(now, kind, $"{request.Method} {request.Url}", detail));

    private static ResponseMessage Json(int status, string body)
    {
        var response = new ResponseMessage
        {
            StatusCode = status,
            Headers = new Dictionary<string, WireMockList<string>>(),
            BodyData = new BodyData { DetectedBodyType = BodyType.Bytes, BodyAsBytes = Encoding.UTF8.GetBytes(body) },
        };
        response.AddHeader("Content-Type", "application/json");
        return response;
    }

    private static string Quote(string text) => System.Text.Json.JsonSerializer.Serialize(text);
}
