using System.Collections.Immutable;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using ContractKit.Contracts.Values;

namespace ContractKit.Mocks.Tests.Consumers;

/// <summary>
/// Two consumers of the simulated orders feed (newest first, cursor pages), run every few simulated
/// minutes. They are the code under test in a user's suite; here they show that the simulator and
/// the ledger tell a careless ingestion from a careful one.
/// </summary>
internal abstract class OrdersClient(Uri feed, string token)
{
    protected HttpClient Http { get; } = new() { DefaultRequestHeaders = { Authorization = new AuthenticationHeaderValue("Bearer", token) } };

    protected Uri Feed { get; } = feed;

    /// <summary>Runs that ended early on an error.</summary>
    public int FailedRuns { get; private set; }

    public abstract IEnumerable<JsonElement> Sink { get; }

    /// <summary>One scheduled run; an error ends it, as it would end a cron job.</summary>
    public async Task RunAsync()
    {
        try
        {
            await IngestAsync();
        }
        catch (HttpRequestException)
        {
            FailedRuns++;
        }
    }

    protected abstract Task IngestAsync();

    /// <summary>The next page's address, or null on the last page.</summary>
    protected Uri? NextPage(JsonElement page) =>
        page.TryGetProperty("next", out var next) && next.GetString() is { } cursor ? new Uri(Feed, "?cursor=" + Uri.EscapeDataString(cursor)) : null;
}

/// <summary>
/// The ingestion most teams write first: remember the newest <c>created_at</c> seen, read pages
/// until a record is not newer, append every new record at once, move the watermark when the run
/// ends; no retries. Late arrivals fall behind the watermark and are never read; a run that fails
/// after appending reads the same records again next time.
/// </summary>
internal sealed class NaiveOrdersClient(Uri feed, string token) : OrdersClient(feed, token)
{
    private readonly List<JsonElement> _sink = [];
    private DateTimeOffset _watermark = DateTimeOffset.MinValue;

    public override IEnumerable<JsonElement> Sink => _sink;

    protected override async Task IngestAsync()
    {
        var newest = _watermark;
        var url = Feed;
        while (true)
        {
            using var response = await Http.GetAsync(url);
            response.EnsureSuccessStatusCode();
            using var page = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            foreach (var record in page.RootElement.GetProperty("data").EnumerateArray())
            {
                var created = DateTimeOffset.Parse(record.GetProperty("created_at").GetString()!, CultureInfo.InvariantCulture);
                if (created <= _watermark)
                {
                    _watermark = newest;
                    return;
                }

                _sink.Add(record.Clone());
                newest = created > newest ? created : newest;
            }

            if (NextPage(page.RootElement) is not { } next)
            {
                _watermark = newest;
                return;
            }

            url = next;
        }
    }
}

/// <summary>
/// The ingestion the simulator is there to help write: retries 5xx, 429 and dropped connections,
/// waiting what <c>Retry-After</c> asks; upserts by the contract's key; reads until a whole page
/// was already committed by a run that finished, so neither late arrivals nor a run cut short lose
/// anything.
/// </summary>
internal sealed class ResilientOrdersClient(Uri feed, string token, ImmutableArray<FieldPath> key, Func<TimeSpan, Task> wait) : OrdersClient(feed, token)
{
    private const int Attempts = 6;
    private readonly Dictionary<string, JsonElement> _sink = new(StringComparer.Ordinal);
    private readonly HashSet<string> _committed = new(StringComparer.Ordinal);

    public override IEnumerable<JsonElement> Sink => _sink.Values;

    /// <summary>Requests tried again.</summary>
    public int Retries { get; private set; }

    protected override async Task IngestAsync()
    {
        var seen = new List<string>();
        var url = Feed;
        while (true)
        {
            using var page = await GetPageAsync(url);
            var fresh = 0;
            foreach (var record in page.RootElement.GetProperty("data").EnumerateArray())
            {
                var id = Ledger.RecordKeys.Of(record, key);
                _sink[id] = record.Clone();
                seen.Add(id);
                fresh += _committed.Contains(id) ? 0 : 1;
            }

            if (fresh == 0 || NextPage(page.RootElement) is not { } next)
            {
                _committed.UnionWith(seen);
                return;
            }

            url = next;
        }
    }

    private async Task<JsonDocument> GetPageAsync(Uri url)
    {
        for (var attempt = 1; ; attempt++)
        {
            HttpResponseMessage response;
            try
            {
                response = await Http.GetAsync(url);
            }
            catch (HttpRequestException) when (attempt < Attempts)
            {
                await RetryAfterAsync(TimeSpan.FromSeconds(Math.Pow(2, attempt)));
                continue;
            }

            using (response)
            {
                if (response.IsSuccessStatusCode)
                {
                    return JsonDocument.Parse(await response.Content.ReadAsStringAsync());
                }

                var transient = response.StatusCode is HttpStatusCode.TooManyRequests or >= HttpStatusCode.InternalServerError;
                if (!transient || attempt == Attempts)
                {
                    response.EnsureSuccessStatusCode();
                }

                await RetryAfterAsync(response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(Math.Pow(2, attempt)));
            }
        }
    }

    private Task RetryAfterAsync(TimeSpan delay)
    {
        Retries++;
        return wait(delay);
    }
}
