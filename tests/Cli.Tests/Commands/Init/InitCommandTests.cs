using System.Text.Json;
using ContractKit.Cli.Tests.Support;
using ContractKit.Contracts.Linting;
using ContractKit.Contracts.Loading;
using ContractKit.Contracts.Model;
using ContractKit.Contracts.Model.Datasets;
using ContractKit.Contracts.Validation;

namespace ContractKit.Cli.Tests.Commands.Init;

public class InitCommandTests
{
    /// <summary>Samples in every shape init reads, with the values NJsonSchema's inference gets wrong on its own.</summary>
    private static readonly TestCaseData[] Samples =
    [
        new TestCaseData("orders.json", """
            [
              { "order_id": "5f0c1b7e-9a53-4c1e-8f0e-2b0f7d3c1a11", "created_at": "2026-05-01T12:00:00Z", "amount": 12, "status": "paid",
                "customer": { "name": "Ann", "address": { "city": "Berlin", "zip": "10115" } }, "tags": ["a", "b"],
                "items": [ { "sku": "A-1", "quantity": 1 }, { "sku": "B-2", "quantity": 2, "gift": true } ], "coupon": "SPRING", "shipped_on": "2026-05-02" },
              { "order_id": "0b6f8e1c-3d6a-4e7b-9a0f-1c2d3e4f5a6b", "created_at": "2026-05-01T13:00:00.25+02:00", "amount": 2.5, "status": "placed",
                "customer": null, "tags": [], "items": [], "coupon": null, "shipped_on": "2026-05-03", "note": "leave at the door" }
            ]
            """).SetArgDisplayNames("array of records with nested objects, nulls and dates"),
        new TestCaseData("reading.json", """
            {
              "sensor": "t-1", "value": 21.0, "count": 9007199254740993, "delta": -3, "ratio": 1e-3, "ok": false,
              "window": { "from": "2026-05-01T00:00:00Z", "to": "2026-05-01T01:00:00Z", "stats": { "min": -1, "max": 2.75, "samples": [[1, 2], [3.5]] } },
              "yes": "no", "1st": true, "a: b": "colon", "# hash": "comment-like", "with \"quotes\"": 1, "grüße": "unicode", "emoji 😀": "😀",
              "$ref": "not a reference", "x-pii": false, "new\nline": 1, "back\\slash": 2, "a.b": 3,
              "nothing": null, "empty": [], "matrix": [[null, 1], ["x"]]
            }
            """).SetArgDisplayNames("one record with awkward names and numbers"),
        new TestCaseData("page.json", """
            { "data": [ { "id": 1, "at": "2026-05-01T00:00:00Z", "kind": "view" }, { "id": 2, "at": "2026-05-01T00:00:01Z", "kind": "click", "target": "#buy" } ],
              "next": "cursor-2", "total": 2 }
            """).SetArgDisplayNames("an API response that wraps its records"),
        new TestCaseData("events.jsonl", """
            {"event_id": "e-1", "occurred_at": "2026-05-01T00:00:00Z", "props": {"page": "/"}}

            {"event_id": "e-2", "occurred_at": "2026-05-01T00:00:02Z", "props": {"page": "/cart", "items": 2}, "user": {"id": 7}}
            {"event_id": "e-3", "occurred_at": "2026-05-01T00:00:03Z", "props": null, "user": null}
            """).SetArgDisplayNames("NDJSON with optional fields"),
        new TestCaseData("dates.json", """
            [
              { "when": "2026-05-01T12:00:00Z", "spaced": "2026-05-01 12:00", "clock": "12:30", "day": "2026-05-01", "bad_day": "2026-05-01", "mixed": "2026-05-01T12:00:00Z", "uid": "5f0c1b7e-9a53-4c1e-8f0e-2b0f7d3c1a11" },
              { "when": "2026-05-01T12:00:00.123456+05:30", "spaced": "2026-05-02 13:00", "clock": "13:45", "day": "2026-12-31", "bad_day": "2026-02-30", "mixed": "yesterday", "uid": "not-a-uuid" }
            ]
            """).SetArgDisplayNames("dates and date-like strings"),
        new TestCaseData("reused.json", """
            [
              { "p": { "q": 1 }, "r": { "p": { "q": "text" } }, "list": [ { "a": 1 }, { "b": "x" }, null, 3 ] },
              { "p": { "q": 2.5, "s": null }, "r": { "p": null } }
            ]
            """).SetArgDisplayNames("objects NJsonSchema would share one schema for"),
    ];

    [TestCaseSource(nameof(Samples))]
    public async Task The_draft_lints_clean_and_its_schema_accepts_its_own_sample(string fileName, string payload)
    {
        using var folder = new TempFolder();

        var (result, draft) = await DraftAsync(folder, fileName, payload);

        Assert.That(result.ExitCode, Is.Zero, result.Err);
        var text = await File.ReadAllTextAsync(draft);
        var linted = ContractLinter.Lint(await ContractLoader.LoadFileAsync(draft));
        Assert.That(linted.Diagnostics.Where(d => d.IsError).Select(d => d.ToString()), Is.Empty, text);
        var contract = linted.Result.Contract!;
        Assert.That((contract.Status, contract.Version.ToString(), contract.Owner.Team), Is.EqualTo((ContractStatus.Draft, "0.1.0", "unassigned")));

        // Both JsonSchema.Net and the product's validator accept every sample record.
        var dataset = contract.Datasets.Single();
        var validator = contract.CreateValidator(dataset.Name);
        foreach (var (record, index) in RecordsOf(fileName, payload).Select((r, i) => (r, i)))
        {
            Assert.That(ReferenceValidator.Violations(dataset.Schema, record), Is.Empty, $"JsonSchema.Net rejects record {index} under its own draft:\n{text}");
            Assert.That(validator.Validate(record).Errors.Select(e => e.ToString()), Is.Empty, $"contractkit rejects record {index} under its own draft:\n{text}");
        }
    }

    [Test]
    public async Task Guesses_key_and_event_time_from_obvious_fields()
    {
        using var folder = new TempFolder();

        var (result, draft) = await DraftAsync(folder, "orders.json", (string)Samples[0].Arguments[1]!);

        Assert.That(result.ExitCode, Is.Zero, result.Err);
        var dataset = (await ContractLoader.LoadFileAsync(draft)).Contract!.Datasets.Single();
        Assert.That(dataset.Name, Is.EqualTo("orders"));
        Assert.That(dataset.Key.Select(k => k.ToString()), Is.EqualTo(new[] { "order_id" }));
        Assert.That(dataset.EventTime?.ToString(), Is.EqualTo("created_at"));
        Assert.That(dataset.Location, Is.EqualTo(new FilesLocation("orders.json", FileFormat.Json, FreshnessBasis.EventTime, ',')));
        Assert.That(dataset.Schema.Json.GetProperty("required").EnumerateArray().Select(e => e.GetString()),
            Is.EqualTo(new[] { "order_id", "created_at", "amount", "status", "customer", "tags", "items", "coupon", "shipped_on" }));
        Assert.That(result.Out, Does.StartWith($"drafted {draft} from 2 records: dataset orders, 10 fields, key order_id, eventTime created_at"));
    }

    [Test]
    public async Task Leaves_out_what_is_not_obvious_and_says_so()
    {
        using var folder = new TempFolder();

        var (result, draft) = await DraftAsync(folder, "readings.json", """[ { "sensor": "t-1", "value": 1, "from": "2026-05-01T00:00:00Z", "to": "2026-05-01T01:00:00Z" } ]""");

        Assert.That(result.ExitCode, Is.Zero, result.Err);
        var text = await File.ReadAllTextAsync(draft);
        Assert.That(text, Does.Contain("    # key: no field is named id").And.Contain("    # eventTime: no date-time field"));
        Assert.That(result.Out, Does.Contain("warning no-key").And.Contain("warning no-event-time").And.Contain("0 errors, 2 warnings"));
    }

    [Test]
    public async Task Wrapped_records_are_read_from_their_array_and_the_draft_says_where_they_were()
    {
        using var folder = new TempFolder();

        var (result, _) = await DraftAsync(folder, "page.json", (string)Samples[2].Arguments[1]!, "--out", "-", "--id", "clicks-api", "--name", "clicks");

        Assert.That(result.ExitCode, Is.Zero, result.Err);
        Assert.That(result.Out, Does.Contain("id: clicks-api\n").And.Contain("  - name: clicks\n").And.Contain("records: $.data"));
        Assert.That(result.Out, Does.Contain("files: { path: \"drops/clicks/*.json\", format: json }"));
        Assert.That(result.Err, Does.StartWith("drafted a contract from 2 records under 'data': dataset clicks, 4 fields, key id, eventTime at"));
    }

    [Test]
    public async Task The_README_example_drafts_from_the_sample_in_the_repository()
    {
        var sample = Path.Combine(CliRunner.RepositoryRoot, "samples", "orders-response.json");

        var result = await CliRunner.RunAsync("init", "--from-sample", sample, "--id", "orders-api", "--out", "-");

        Assert.That(result.ExitCode, Is.Zero, result.Err);
        Assert.That(result.Out, Does.Contain("id: orders-api\n").And.Contain("status: draft"));
        Assert.That(result.Err, Does.StartWith("drafted a contract from 3 records under 'data': dataset orders-response, 7 fields, key order_id, eventTime created_at"));
        Assert.That(result.Err, Does.Contain("1 contract checked: 0 errors, 1 warning"));
    }

    [Test]
    public async Task Writes_to_standard_output_and_never_prints_a_secret()
    {
        using var folder = new TempFolder();

        var (result, _) = await DraftAsync(folder, "tokens.json", """[ { "id": 1, "token": "${env:API_TOKEN}" } ]""", "--out", "-");

        Assert.That(result.ExitCode, Is.Zero, result.Err);
        Assert.That(result.Out, Does.StartWith("# Drafted by `contractkit init --from-sample` from tokens.json (1 record)."));
        Assert.That(result.Out + result.Err, Does.Not.Contain("API_TOKEN"), "sample values are never copied into the draft");
    }

    [Test]
    public async Task An_existing_output_file_is_kept_unless_forced()
    {
        using var folder = new TempFolder();
        var sample = folder.Write("orders.json", """[ { "id": 1 } ]""");
        var existing = folder.Write("orders.yaml", "# mine\n");

        var kept = await CliRunner.RunAsync("init", "--from-sample", sample, "--out", existing);

        Assert.That(kept.ExitCode, Is.EqualTo(2));
        Assert.That(kept.Err, Is.EqualTo($"contractkit: '{existing}' exists; pass --force to replace it, or --out to write elsewhere\n"));
        Assert.That(await File.ReadAllTextAsync(existing), Is.EqualTo("# mine\n"));

        var forced = await CliRunner.RunAsync("init", "--from-sample", sample, "--out", existing, "--force");

        Assert.That(forced.ExitCode, Is.Zero, forced.Err);
        Assert.That(await File.ReadAllTextAsync(existing), Does.Contain("status: draft"));
    }

    [Test]
    public async Task The_default_output_is_the_id_in_the_current_folder()
    {
        using var folder = new TempFolder();
        folder.Write("Click Events.v2.ndjson", """{ "event_id": "e-1" }""");

        var result = await CliRunner.RunProcessAsync(folder.Path, "init", "--from-sample", "Click Events.v2.ndjson");

        Assert.That(result.ExitCode, Is.Zero, result.Err);
        var text = await File.ReadAllTextAsync(Path.Combine(folder.Path, "click-events-v2.yaml"));
        Assert.That(text, Does.Contain("  - name: click-events-v2\n").And.Contain("files: { path: Click Events.v2.ndjson, format: jsonl }"));
    }

    [TestCase("missing.json", null, "'{folder}/missing.json' does not exist")]
    [TestCase("broken.json", "{ \"id\": 1,, }", "{folder}/broken.json:1:11: not valid JSON: ',' is an invalid start of a property name")]
    [TestCase("broken.jsonl", "{ \"id\": 1 }\n{ \"id\": 2\n", "{folder}/broken.jsonl:2:")]
    [TestCase("empty.json", "  \n", "'{folder}/empty.json' is empty: a sample needs at least one record")]
    [TestCase("none.json", "[]", "the array in '{folder}/none.json' is empty: a sample needs at least one record")]
    [TestCase("none-wrapped.json", "{ \"data\": [], \"next\": null }", "the array in 'data' in '{folder}/none-wrapped.json' is empty")]
    [TestCase("scalar.json", "42", "'{folder}/scalar.json' holds a number: a sample is a record (a JSON object), an array of records")]
    [TestCase("strings.json", "[\"a\", \"b\"]", "item 0 of the array in '{folder}/strings.json' is a string, not a record (a JSON object)")]
    [TestCase("line.jsonl", "{ \"id\": 1 }\n[1]\n", "{folder}/line.jsonl:2: line 2 holds an array, not a record (a JSON object)")]
    [TestCase("fieldless.json", "[{}, {}]", "the records in '{folder}/fieldless.json' have no fields ({}): there is nothing to infer a schema from")]
    [TestCase("padded.json", "[{ \"id\": 1, \"meta\": { \" padded\": 2 } }]", "the sample has a field named \" padded\" at $[\"meta\"][\" padded\"]: contracts cannot name it")]
    [TestCase("binary.json", "\u0000\u0001\u0002", "{folder}/binary.json:1:1: not valid JSON:")]
    public async Task A_sample_that_is_not_records_exits_2_with_a_precise_message(string fileName, string? content, string message)
    {
        using var folder = new TempFolder();

        var (result, draft) = await DraftAsync(folder, fileName, content);

        Assert.That(result.ExitCode, Is.EqualTo(2));
        Assert.That(result.Err, Does.StartWith("contractkit: " + message.Replace("{folder}", folder.Path, StringComparison.Ordinal)));
        Assert.That(result.Err, Does.Not.Contain("   at ").And.Not.Contain("Exception"));
        Assert.That(File.Exists(draft), Is.False);
    }

    [TestCase("--id", "Orders_Service", "'Orders_Service' is not a contract id")]
    [TestCase("--name", "9lives", "'9lives' is not a dataset name")]
    [TestCase("--out", "/no/such/folder/draft.yaml", "cannot write '/no/such/folder/draft.yaml': its folder does not exist")]
    public async Task Bad_options_exit_2_with_a_message(string option, string value, string message)
    {
        using var folder = new TempFolder();

        var (result, _) = await DraftAsync(folder, "orders.json", """[ { "id": 1 } ]""", option, value);

        Assert.That(result.ExitCode, Is.EqualTo(2));
        Assert.That(result.Err, Does.StartWith("contractkit: " + message));
    }

    [Test]
    public async Task The_sample_is_required()
    {
        var result = await CliRunner.RunAsync("init");

        Assert.That(result.ExitCode, Is.EqualTo(2));
        Assert.That(result.Err, Does.Contain("--from-sample"));
    }

    /// <summary>Writes the sample (unless null) and runs init on it; the draft goes to draft.yaml unless the options say --out.</summary>
    private static async Task<(CliResult Result, string Draft)> DraftAsync(TempFolder folder, string fileName, string? payload, params string[] options)
    {
        var sample = payload is null ? Path.Combine(folder.Path, fileName) : folder.Write(fileName, payload);
        var draft = Path.Combine(folder.Path, "draft.yaml");
        string[] output = options.Contains("--out") ? [] : ["--out", draft];
        return (await CliRunner.RunAsync(["init", "--from-sample", sample, .. options, .. output]), draft);
    }

    private static IEnumerable<JsonElement> RecordsOf(string fileName, string payload)
    {
        if (fileName.EndsWith(".jsonl", StringComparison.Ordinal))
        {
            return payload.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(line => JsonDocument.Parse(line).RootElement.Clone());
        }

        var root = JsonDocument.Parse(payload).RootElement.Clone();
        return root.ValueKind == JsonValueKind.Array ? root.EnumerateArray()
            : root.TryGetProperty("data", out var data) ? data.EnumerateArray()
            : [root];
    }
}
