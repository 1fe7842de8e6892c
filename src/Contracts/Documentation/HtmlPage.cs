using System.Net;
using System.Text;
using ContractKit.Contracts.Compatibility;

namespace ContractKit.Contracts.Documentation;

/// <summary>
/// Prints a <see cref="ContractPage"/> as one self-contained HTML file: inline CSS, no script,
/// no external resource. Tables turn into stacked cards on narrow screens, so nothing scrolls
/// sideways on a phone; print styles keep rows whole.
/// </summary>
internal static class HtmlPage
{
    private const string Style = """
        :root { --ink: #1d232b; --muted: #5a6470; --line: #d5dbe1; --bg: #ffffff; --soft: #f4f6f8; --bad: #b42318; --bad-bg: #fdecea; --ok: #1a7f37; --warn-bg: #fff4d6; --warn: #8a5a00; }
        * { box-sizing: border-box; }
        html { -webkit-text-size-adjust: 100%; }
        body { margin: 0; color: var(--ink); background: var(--bg); font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
        main { max-width: 72rem; margin: 0 auto; padding: 1.5rem 1rem 3rem; }
        h1 { font-size: 1.9rem; margin: 0 0 .25rem; line-height: 1.2; }
        h2 { font-size: 1.35rem; margin: 2.2rem 0 .6rem; padding-bottom: .25rem; border-bottom: 2px solid var(--line); }
        h3 { font-size: 1.1rem; margin: 1.6rem 0 .5rem; }
        p, li { overflow-wrap: anywhere; }
        code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: .92em; background: var(--soft); padding: 0 .25em; border-radius: 3px; overflow-wrap: break-word; }
        .meta { color: var(--muted); margin: 0 0 1rem; }
        .banner { border: 2px solid var(--warn); background: var(--warn-bg); color: var(--warn); padding: .75rem 1rem; border-radius: 6px; font-weight: 600; margin: 1rem 0; }
        .verdict { font-weight: 600; }
        .verdict.fails { color: var(--bad); }
        .verdict.passes { color: var(--ok); }
        table { width: 100%; border-collapse: collapse; margin: .5rem 0 1rem; font-size: .92rem; table-layout: auto; }
        th, td { text-align: left; vertical-align: top; padding: .4rem .5rem; border-bottom: 1px solid var(--line); overflow-wrap: break-word; }
        th { background: var(--soft); font-weight: 600; white-space: nowrap; }
        td.long { overflow-wrap: anywhere; }
        td.effect { white-space: nowrap; }
        tr.breaking td { background: var(--bad-bg); }
        tr.breaking td:first-child { border-left: 4px solid var(--bad); }
        .tag { display: inline-block; font-size: .78rem; font-weight: 700; padding: 0 .4em; border-radius: 3px; white-space: nowrap; }
        .tag.breaking { background: var(--bad); color: #fff; }
        .tag.compatible { background: var(--soft); color: var(--ok); border: 1px solid var(--line); }
        .tag.pii { background: #ede7fb; color: #4b2a99; }
        .effect-breaking { color: var(--bad); font-weight: 600; }
        @media (max-width: 720px) {
          main { padding: 1rem .75rem 2rem; }
          table, thead, tbody, tr, th, td { display: block; width: 100%; }
          thead { display: none; }
          tr { border: 1px solid var(--line); border-radius: 6px; margin: 0 0 .75rem; padding: .25rem 0; }
          td, td code { border: 0; padding: .2rem .6rem; overflow-wrap: anywhere; }
          td code { padding: 0 .25em; }
          td:empty { display: none; }
          td.effect { white-space: normal; }
          td::before { content: attr(data-label); display: block; font-size: .75rem; color: var(--muted); text-transform: uppercase; letter-spacing: .03em; }
          tr.breaking td:first-child { border-left: 0; }
          tr.breaking { border: 2px solid var(--bad); }
        }
        @media print {
          body { font-size: 11pt; }
          main { max-width: none; padding: 0; }
          h2 { break-after: avoid; }
          tr { break-inside: avoid; }
          .banner, tr.breaking td, .tag { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
        }
        """;

    public static string Render(ContractPage page)
    {
        var contract = page.Contract;
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n")
            .Append($"<title>{E(contract.Title)} — data contract {E(contract.Version.ToString())}</title>\n")
            .Append("<style>\n").Append(Style).Append("\n</style>\n</head>\n<body>\n<main>\n");
        html.Append($"<h1>{E(contract.Title)}</h1>\n");
        html.Append($"<p class=\"meta\"><code>{E(contract.Id.Value)}</code> · version {E(contract.Version.ToString())} · status {E(contract.Status.ToString().ToLowerInvariant())}</p>\n");
        if (page.Banner is { } banner)
        {
            html.Append($"<div class=\"banner\" role=\"note\" data-status=\"{E(contract.Status.ToString().ToLowerInvariant())}\">{E(banner)}</div>\n");
        }

        if (contract.Description is { } description)
        {
            html.Append($"<p>{E(description)}</p>\n");
        }

        html.Append("<h2>Owner and consumers</h2>\n<ul>\n");
        html.Append($"<li>Owner: {E(page.Owner)}</li>\n");
        foreach (var consumer in contract.Consumers)
        {
            html.Append($"<li>Consumer: {E(consumer.Team)}{(consumer.Purpose is null ? "" : " — " + E(consumer.Purpose))}</li>\n");
        }

        html.Append("</ul>\n<h2>Compatibility</h2>\n").Append($"<p>{E(page.Compatibility)}</p>\n");
        html.Append("<h2>Datasets</h2>\n").Append($"<p>{E(page.Source)}</p>\n");
        foreach (var dataset in page.Datasets)
        {
            Dataset(html, dataset);
        }

        if (!page.ServiceLevels.IsEmpty)
        {
            html.Append("<h2>Service levels</h2>\n");
            List(html, page.ServiceLevels);
        }

        html.Append("<h2>Changelog</h2>\n");
        if (page.Changelog.IsEmpty)
        {
            html.Append($"<p>No earlier version: {E(contract.Version.ToString())} is the first.</p>\n");
        }

        foreach (var entry in page.Changelog)
        {
            Changes(html, entry);
        }

        html.Append("</main>\n</body>\n</html>\n");
        return html.ToString();
    }

    private static void Dataset(StringBuilder html, DatasetSection dataset)
    {
        html.Append($"<section class=\"dataset\" data-dataset=\"{E(dataset.Name)}\">\n<h3>{E(dataset.Name)}</h3>\n");
        if (dataset.Description is { } description)
        {
            html.Append($"<p>{E(description)}</p>\n");
        }

        html.Append($"<p>Where: {E(dataset.Location)}.</p>\n");
        html.Append("<table class=\"fields\">\n<thead><tr><th>field</th><th>type</th><th>required</th><th>constraints</th><th>PII</th><th>description</th><th>example</th></tr></thead>\n<tbody>\n");
        foreach (var field in dataset.Fields)
        {
            html.Append($"<tr data-field=\"{E(field.Name)}\">")
                .Append($"<td data-label=\"field\"><code>{E(field.Name)}</code></td>")
                .Append($"<td data-label=\"type\">{E(field.Type)}</td>")
                .Append($"<td data-label=\"required\">{(field.Required ? "yes" : "no")}</td>")
                .Append($"<td data-label=\"constraints\" class=\"long\">{E(field.Constraints)}</td>")
                .Append($"<td data-label=\"PII\">{(field.Pii == "yes" ? "<span class=\"tag pii\">PII</span>" : E(field.Pii))}</td>")
                .Append($"<td data-label=\"description\">{E(field.Description)}</td>")
                .Append($"<td data-label=\"example\" class=\"long\">{(field.Example.Length == 0 ? "" : $"<code>{E(field.Example)}</code>")}</td>")
                .Append("</tr>\n");
        }

        html.Append("</tbody>\n</table>\n");
        List(html, dataset.Promises);
        if (!dataset.Quality.IsEmpty)
        {
            html.Append("<p>Quality rules:</p>\n");
            List(html, dataset.Quality);
        }

        html.Append("</section>\n");
    }

    private static void Changes(StringBuilder html, ChangelogEntry entry)
    {
        var (diff, verdict) = (entry.Diff, entry.Verdict);
        html.Append($"<section class=\"changes\" data-from=\"{E(diff.Old.Version.ToString())}\" data-to=\"{E(diff.New.Version.ToString())}\">\n");
        html.Append($"<h3>{E(diff.Old.Version.ToString())} → {E(diff.New.Version.ToString())}</h3>\n");
        html.Append($"<p class=\"verdict {(verdict.Passed ? "passes" : "fails")}\">{(verdict.Passed ? "Passes" : "Fails")}: {E(ChangeText.Summary(diff, verdict))}.</p>\n");
        if (!verdict.Failures.IsEmpty)
        {
            List(html, [.. verdict.Failures.Select(f => f.Message)]);
        }

        if (diff.Changes.IsEmpty)
        {
            html.Append("<p>No promise changed.</p>\n</section>\n");
            return;
        }

        html.Append("<table class=\"changelog\">\n<thead><tr><th>effect</th><th>rule</th><th>where</th><th>change</th><th>old → new</th><th>backward</th><th>forward</th><th>full</th></tr></thead>\n<tbody>\n");
        foreach (var change in diff.BreakingFirst())
        {
            var breaking = diff.IsBreaking(change);
            html.Append($"<tr class=\"{(breaking ? "breaking" : "compatible")}\" data-breaking=\"{(breaking ? "true" : "false")}\" data-rule=\"{E(change.RuleId)}\">")
                .Append($"<td data-label=\"effect\"><span class=\"tag {(breaking ? "breaking\">⚠ Breaking" : "compatible\">Compatible")}</span></td>")
                .Append($"<td data-label=\"rule\"><code>{E(change.RuleId)}</code></td>")
                .Append($"<td data-label=\"where\">{E(change.Location)}</td>")
                .Append($"<td data-label=\"change\">{E(change.Message)}</td>")
                .Append($"<td data-label=\"old → new\" class=\"long\">{E(ChangeText.Values(change))}</td>")
                .Append(Effect("backward", change.Effects.Backward))
                .Append(Effect("forward", change.Effects.Forward))
                .Append(Effect("full", change.Effects.Full))
                .Append("</tr>\n");
        }

        html.Append("</tbody>\n</table>\n</section>\n");
    }

    private static string Effect(string label, Effect effect) =>
        $"<td data-label=\"{label}\" class=\"effect{(effect == Compatibility.Effect.Breaking ? " effect-breaking" : "")}\">{ChangeText.Of(effect)}</td>";

    private static void List(StringBuilder html, IReadOnlyList<string> items)
    {
        html.Append("<ul>\n");
        foreach (var item in items)
        {
            html.Append($"<li>{E(item)}</li>\n");
        }

        html.Append("</ul>\n");
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
