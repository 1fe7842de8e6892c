using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using ContractKit.Cli.Tests.Support;

namespace ContractKit.Cli.Tests.Commands;

public class ValidateCommandTests
{
    private const string ValidOrder = """{"order_id":"0b8f6a3e-5f3c-4c0e-9d7e-2a1b3c4d5e6f","created_at":"2026-11-27T10:00:00Z","amount":12.5,"currency":"EUR","status":"paid"}""";

    private static string Orders => TestRepository.Example("orders.yaml");

    private static string Payments => TestRepository.Example("payments.yaml");

    [Test]
    public async Task Valid_records_exit_0()
    {
        using var folder = new TempFolder();
        var file = folder.Write("orders.jsonl", string.Join("\n", Enumerable.Repeat(ValidOrder, 3)));

        var result = await CliRunner.RunAsync("validate", Orders, file);

        Assert.That(result.ExitCode, Is.Zero, result.Out + result.Err);
        Assert.That(result.Out, Does.Contain("3 records in 1 file: 3 valid, 0 invalid, 0 unreadable"));
    }

    [Test]
    public async Task Each_violation_names_file_line_record_pointer_and_keyword_and_bad_lines_do_not_stop_the_run()
    {
        using var folder = new TempFolder();
        var file = folder.Write("orders.jsonl", string.Join("\n",
            ValidOrder,
            ValidOrder.Replace("12.5", "-1", StringComparison.Ordinal).Replace("2026-11-27", "2026-02-30", StringComparison.Ordinal),
            "{\"order_id\": oops}",
            "",
            ValidOrder));

        var result = await CliRunner.RunAsync("validate", Orders, file);

        Assert.That(result.ExitCode, Is.EqualTo(1));
        Assert.That(result.Out, Does.Contain($"{file}:2 (record 2): invalid /amount: must be at least 0, not -1 [minimum]"));
        Assert.That(result.Out, Does.Contain($"{file}:2 (record 2): invalid /created_at: '2026-02-30T10:00:00Z' is not a valid date-time [format]"));
        Assert.That(result.Out, Does.Contain($"{file}:3:14: unreadable record 3: malformed JSON"));
        Assert.That(result.Out, Does.Contain("4 records in 1 file: 2 valid, 1 invalid, 1 unreadable"), "the blank line is no record; line 5 is still read");
        Assert.That(result.Out, Does.Contain("violations by keyword: format 1, minimum 1"));
    }

    [Test]
    public async Task Json_arrays_and_csv_are_read_too()
    {
        using var folder = new TempFolder();
        var array = folder.Write("orders.json", $"[{ValidOrder},\n{ValidOrder.Replace("EUR", "euro", StringComparison.Ordinal)}]");
        var csv = folder.Write("payments.csv",
            "payment_id,order_id,amount_cents,currency,state,card_last4,created_at\n" +
            "1,0b8f6a3e-5f3c-4c0e-9d7e-2a1b3c4d5e6f,1250,EUR,captured,4242,2026-11-27T10:00:00Z\n" +
            "2,0b8f6a3e-5f3c-4c0e-9d7e-2a1b3c4d5e6f,abc,EUR,captured,,2026-11-27T10:00:00Z\n" +
            "3,0b8f6a3e-5f3c-4c0e-9d7e-2a1b3c4d5e6f,100,EUR\n");

        var fromArray = await CliRunner.RunAsync("validate", Orders, array);
        var fromCsv = await CliRunner.RunAsync("validate", Payments, "--dataset", "payments", csv);

        Assert.That(fromArray.Out, Does.Contain($"{array}:2 (record 2): invalid /currency: 'euro' does not match ^[A-Z]{{3}}$ [pattern]"));
        Assert.That(fromCsv.ExitCode, Is.EqualTo(1), fromCsv.Out + fromCsv.Err);
        Assert.That(fromCsv.Out, Does.Contain("unreadable record 2").And.Contain("'abc' is not"));
        Assert.That(fromCsv.Out, Does.Contain("unreadable record 3").And.Contain("4 values, the header has 7 columns"));
        Assert.That(fromCsv.Out, Does.Contain("3 records in 1 file: 1 valid, 0 invalid, 2 unreadable"));
    }

    [Test]
    public async Task Standard_input_is_read_with_a_dash()
    {
        var result = await CliRunner.RunWithInputAsync(Encoding.UTF8.GetBytes(ValidOrder + "\n" + ValidOrder.Replace("paid", "lost", StringComparison.Ordinal)), "validate", Orders, "-");
        Assert.That(result.ExitCode, Is.EqualTo(1));
        Assert.That(result.Out, Does.Contain("-:2 (record 2): invalid /status: 'lost' is not one of"));
    }

    [Test]
    public async Task Json_output_streams_violations_then_the_summary()
    {
        using var folder = new TempFolder();
        var file = folder.Write("orders.jsonl", ValidOrder + "\n" + ValidOrder.Replace("\"status\":\"paid\"", "\"status\":\"paid\",\"x\":1", StringComparison.Ordinal));

        var result = await CliRunner.RunAsync("validate", Orders, file, "--format", "json");

        using var json = JsonDocument.Parse(result.Out);
        var root = json.RootElement;
        Assert.That(root.GetProperty("dataset").GetString(), Is.EqualTo("orders"));
        var error = root.GetProperty("invalid")[0].GetProperty("errors")[0];
        Assert.That((error.GetProperty("pointer").GetString(), error.GetProperty("keyword").GetString(), error.GetProperty("schemaLocation").GetString()),
            Is.EqualTo(("/x", "additionalProperties", "#/additionalProperties")));
        Assert.That(root.GetProperty("summary").GetProperty("invalid").GetInt64(), Is.EqualTo(1));
        Assert.That(root.GetProperty("summary").GetProperty("exitCode").GetInt32(), Is.EqualTo(1));
    }

    [Test]
    public async Task Junit_output_is_valid_xml_with_a_case_per_reported_record()
    {
        using var folder = new TempFolder();
        var file = folder.Write("orders.jsonl", ValidOrder + "\n{}\n");

        var result = await CliRunner.RunAsync("validate", Orders, file, "--format", "junit");

        var suite = XDocument.Parse(result.Out).Root!.Element("testsuite")!;
        Assert.That(suite.Attribute("tests")!.Value, Is.EqualTo("2"));
        Assert.That(suite.Elements("testcase").Select(c => c.Attribute("name")!.Value), Is.EqualTo(new[] { "all records conform", "record 2 (line 2)" }));
        Assert.That(suite.Elements("testcase").Last().Element("failure")!.Value, Does.Contain("the required property 'order_id' is missing"));
    }

    [Test]
    public async Task Max_errors_limits_what_is_described_not_what_is_counted()
    {
        using var folder = new TempFolder();
        var file = folder.Write("orders.jsonl", string.Join("\n", Enumerable.Repeat("{}", 50)));

        var result = await CliRunner.RunAsync("validate", Orders, file, "--max-errors", "3");

        Assert.That(result.Out.Split('\n').Count(l => l.Contains("invalid /", StringComparison.Ordinal)), Is.EqualTo(3 * 5), "three records, five missing fields each");
        Assert.That(result.Out, Does.Contain("… 47 more invalid or unreadable records not shown (--max-errors 3)"));
        Assert.That(result.Out, Does.Contain("50 records in 1 file: 0 valid, 50 invalid"));
    }

    [Test]
    public async Task A_missing_file_exits_2_and_the_other_files_are_still_checked()
    {
        using var folder = new TempFolder();
        var file = folder.Write("orders.jsonl", ValidOrder);

        var result = await CliRunner.RunAsync("validate", Orders, "/nonexistent/orders.jsonl", file);

        Assert.That(result.ExitCode, Is.EqualTo(2));
        Assert.That(result.Err, Does.Contain("'/nonexistent/orders.jsonl' does not exist"));
        Assert.That(result.Out, Does.Contain("1 record in 2 files: 1 valid"));
    }

    [TestCase(new byte[] { 0x7B, 0x00, 0x01, 0x7D }, "the file is binary")]
    [TestCase(new byte[] { 0x7B, 0x22, 0x61, 0x22, 0x3A, 0x22, 0xE9, 0x22, 0x7D }, "invalid UTF-8 (byte 0xE9")]
    public async Task Binary_or_non_utf8_files_are_unreadable_files(byte[] content, string message)
    {
        using var folder = new TempFolder();
        var file = Path.Combine(folder.Path, "bad.jsonl");
        await File.WriteAllBytesAsync(file, content);

        var result = await CliRunner.RunAsync("validate", Orders, file);

        Assert.That(result.ExitCode, Is.EqualTo(2));
        Assert.That(result.Err, Does.Contain($"{file}: line 1").And.Contain(message));
    }

    [Test]
    public async Task A_scalar_where_records_are_expected_is_reported()
    {
        using var folder = new TempFolder();
        var file = folder.Write("orders.json", "42");

        var result = await CliRunner.RunAsync("validate", Orders, file);

        Assert.That(result.ExitCode, Is.EqualTo(1));
        Assert.That(result.Out, Does.Contain("unreadable record 1").And.Contain("number"));
    }

    [Test]
    public async Task A_50_megabyte_line_is_validated_without_trouble()
    {
        using var folder = new TempFolder();
        var file = Path.Combine(folder.Path, "huge.jsonl");
        await using (var writer = new StreamWriter(file))
        {
            await writer.WriteAsync(ValidOrder.Replace("\"currency\":\"EUR\"", "\"currency\":\"" + new string('A', 50 * 1024 * 1024) + "\"", StringComparison.Ordinal));
        }

        var result = await CliRunner.RunAsync("validate", Orders, file);

        Assert.That(result.ExitCode, Is.EqualTo(1), result.Err);
        Assert.That(result.Out, Does.Contain("invalid /currency").And.Contain("does not match ^[A-Z]{3}$"));
        Assert.That(result.Out.Length, Is.LessThan(10_000), "messages never quote a 50 MB value in full");
    }

    [Test]
    public async Task A_dataset_that_does_not_exist_is_named_with_the_ones_that_do()
    {
        var result = await CliRunner.RunAsync("validate", Payments, "--dataset", "invoices", "x.jsonl");
        Assert.That(result.ExitCode, Is.EqualTo(2));
        Assert.That(result.Err, Does.Contain("payments-db has no dataset 'invoices'; it has: payments, refunds"));

        var unnamed = await CliRunner.RunAsync("validate", Payments, "x.jsonl");
        Assert.That(unnamed.ExitCode, Is.EqualTo(2));
        Assert.That(unnamed.Err, Does.Contain("say which with --dataset (payments, refunds)"));
    }

    [Test]
    public async Task A_contract_that_does_not_load_exits_2_with_its_findings()
    {
        using var folder = new TempFolder();
        var contract = folder.Write("broken.yaml", File.ReadAllText(Orders).Replace("version: 2.1.0", "version: banana", StringComparison.Ordinal));

        var result = await CliRunner.RunAsync("validate", contract, "x.jsonl");

        Assert.That(result.ExitCode, Is.EqualTo(2));
        Assert.That(result.Err, Does.Contain("invalid-version"));
    }

    [Test]
    public async Task No_path_prints_a_stack_trace()
    {
        using var folder = new TempFolder();
        folder.Write("bad.jsonl", "\u0000");
        var result = await CliRunner.RunProcessAsync(folder.Path, "validate", Orders, "bad.jsonl", "missing.jsonl", "--max-errors", "-1");
        Assert.That(result.ExitCode, Is.EqualTo(2));
        Assert.That(result.Out + result.Err, Does.Not.Contain("   at "));
    }
}
