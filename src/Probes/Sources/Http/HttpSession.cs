using System.Globalization;
using System.Text;
using System.Text.Json;
using ContractKit.Contracts.Model.Datasets;
using ContractKit.Probes.Observations;
using ContractKit.Probes.Records;
using ContractKit.Probes.Results;
using ContractKit.Probes.Sources.Http.Paging;

namespace ContractKit.Probes.Sources.Http;

/// <summary>
/// One run against an HTTP source: for each dataset, walks the endpoint's pages (at most
/// <c>maxPages</c>) and hands every record at the <c>records</c> path to a <see cref="RecordObserver"/>.
/// The clock is the <c>Date</c> header of the first page read, else local. A page that cannot be
/// read as records (not JSON, JSON that ends early, no record array) is a schema finding with the body's
/// first bytes as evidence; a body the connection cut short is a failed read, like a 5xx. When no page can be read the dataset is unavailable (every check an error);
/// when a later page fails, the pages read are judged and the failure is a finding.
/// </summary>
internal sealed class HttpSession(HttpClient client, HttpFetcher fetcher, Uri baseUri, ProbeContext context) : ISourceSession
{
    /// <summary>Characters of a body kept as evidence.</summary>
    internal const int ExcerptLength = 200;

    public async Task<DatasetObservation> ObserveAsync(Dataset dataset, CancellationToken cancellationToken)
    {
        var location = (HttpLocation)dataset.Location;
        var walk = PageWalk.For(new RequestTarget(baseUri, location.Path, location.Query), location.Pagination);
        var log = new RequestLog();
        var started = context.Time.GetTimestamp();
        using var timeout = context.StepTimeout(cancellationToken);
        var pages = 0;
        RecordObserver? observer = null;
        ProbeClock? clock = null;
        var findings = new List<SchemaFinding>();
        string? bound = null;
        string? failure = null;
        var next = walk.First;
        try
        {
            while (next is not null)
            {
                if (pages == walk.MaxPages)
                {
                    bound = $"stopped after {pages} pages; more {(walk.NextIsCertain ? "exist" : "may exist")}";
                    break;
                }

                var outcome = await fetcher.GetAsync(next, log, timeout.Token).ConfigureAwait(false);
                if (outcome.Answer is not { Succeeded: true, Truncated: false } answer)
                {
                    failure = $"GET {next.PathAndQuery} {Describe(outcome)}";
                    break;
                }

                pages++;
                clock ??= answer.Date is { } date ? new ProbeClock(date, ClockSource.Source, "HTTP Date header") : context.LocalClock();
                observer ??= new RecordObserver(dataset, clock.Now, context.Options.EvidenceLimit);
                var after = Read(pages, next, answer, location, walk, observer);
                if (after.Problem is { } problem)
                {
                    findings.Add(new SchemaFinding(context.Redactor.Redact(problem), after.Breaking, $"page {pages}", null));
                }

                next = after.Uri;
            }
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            failure = $"GET {next?.PathAndQuery} did not finish: reading the pages took longer than the {context.Options.CheckTimeout.TotalSeconds:0.###}s limit";
        }

        var elapsed = context.Time.GetElapsedTime(started);
        var requests = Observed<RequestStatistics>.Of(log.ToStatistics(pages), elapsed);
        var summary = $"{Plural(pages, "page")} and {Plural(observer?.Records ?? 0, "record")} read from GET {location.Path}; {Plural(log.Attempts, "request")}, {Plural(log.Retries, "retry", "retries")}";
        if (observer is null)
        {
            // Nothing was read: every check of the dataset is an error, but the requests were made and count.
            return DatasetObservation.Unavailable(context.LocalClock(), context.Redactor.Redact(failure ?? "no page was read")) with
            {
                Requests = requests,
                Notes = [context.Redactor.Redact(summary)],
            };
        }

        if (failure is not null)
        {
            findings.Add(new SchemaFinding(
                context.Redactor.Redact($"page {pages + 1} could not be read: {failure}; the checks judged the {Plural(pages, "page")} read before it"),
                false, $"page {pages + 1}", null));
        }

        var observation = observer.Complete(clock!, elapsed);
        if (findings.Count > 0 && observation.Schema is { Value: { } schema } observed)
        {
            observation = observation with { Schema = Observed<SchemaObservation>.Of(schema with { Findings = schema.Findings.AddRange(findings) }, observed.Duration) };
        }

        return observation with
        {
            Requests = requests,
            Notes = [.. new[] { summary, bound }.OfType<string>().Select(context.Redactor.Redact)],
        };
    }

    public ValueTask DisposeAsync()
    {
        client.Dispose();
        return ValueTask.CompletedTask;
    }

    /// <summary>Observes one page's records and says where the walk goes next.</summary>
    private NextPage Read(int number, Uri uri, HttpAnswer answer, HttpLocation location, PageWalk walk, RecordObserver observer)
    {
        var where = $"page {number}";
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(answer.Body);
        }
        catch (JsonException e)
        {
            var type = answer.ContentType is { } contentType ? $" (Content-Type {contentType})" : "";
            var why = answer.Body.Length == 0 ? "the body is empty"
                : EndsEarly(answer.Body) ? $"the body ends before its JSON is complete, after {Plural(answer.Body.Length, "byte")}: it is truncated"
                : $"the body is not JSON{type}: {e.Message}";
            observer.ObserveProblem($"{where}: {why}", where, Excerpt(answer.Body));
            return NextPage.Done;
        }

        using (document)
        {
            int? count = null;
            var selected = location.Records.Select(document.RootElement);
            if (selected is { ValueKind: JsonValueKind.Array } records)
            {
                count = 0;
                foreach (var record in records.EnumerateArray())
                {
                    observer.Observe(record, $"{where}, item {++count}");
                }
            }
            else
            {
                var found = selected is { } other ? $"{JsonKinds.Article(other.ValueKind)} there" : "nothing there";
                observer.ObserveProblem($"{where}: no record array at {location.Records} ({found})", where, Excerpt(answer.Body));
            }

            return walk.After(new PageRead(number, uri, answer.Links, document.RootElement, count));
        }
    }

    private string Describe(FetchOutcome outcome)
    {
        var attempts = $"after {Plural(outcome.Attempts, "attempt")}";
        if (outcome.Answer is not { } answer)
        {
            return $"failed {attempts}: {outcome.Error}";
        }

        if (answer is { Succeeded: true, Truncated: true })
        {
            // The source did not fail to meet the contract, it failed to answer: an error, not a finding about its data.
            return $"answered HTTP {answer.Status} but the connection closed after {Plural(answer.Body.Length, "byte")} of the body, before the response was complete ({attempts}); what came: {Excerpt(answer.Body)}";
        }

        var waited = HttpRetryPolicy.AskedTooLong(answer)
            ? $"; the source asked to wait {answer.RetryAfter!.Value.TotalSeconds:0}s before a retry, longer than a probe waits ({HttpRetryPolicy.RetryAfterCap.TotalSeconds:0}s)"
            : "";
        var redirect = answer.Status is >= 300 and < 400
            ? "; redirects are not followed, so credentials go nowhere else: point the contract at the final URL"
            : "";
        return $"answered HTTP {answer.Status} ({answer.Reason}) {attempts}{waited}{redirect}";
    }

    /// <summary>The body's first characters, secrets masked, for evidence.</summary>
    private string Excerpt(byte[] body)
    {
        if (body.Length == 0)
        {
            return "(empty body)";
        }

        // Enough bytes for ExcerptLength characters of any UTF-8; a character cut at the end decodes as U+FFFD.
        var text = Encoding.UTF8.GetString(body, 0, Math.Min(body.Length, ExcerptLength * 4));
        var excerpt = text.Length > ExcerptLength || body.Length > ExcerptLength * 4 ? text[..Math.Min(text.Length, ExcerptLength)] + "…" : text;
        return context.Redactor.Redact(excerpt);
    }

    /// <summary>True when the body is the start of a JSON value that ends too soon (a cut-off page, not a wrong one).</summary>
    private static bool EndsEarly(byte[] body)
    {
        var reader = new Utf8JsonReader(body, isFinalBlock: false, state: default);
        try
        {
            while (reader.Read())
            {
            }

            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static string Plural(long count, string one, string? many = null) =>
        $"{count.ToString("N0", CultureInfo.InvariantCulture)} {(count == 1 ? one : many ?? one + "s")}";
}
