using System.Reflection;
using System.Text.Json;
using ContractKit.Cli.Tests.Support;
using ContractKit.Contracts.Loading;
using ContractKit.Contracts.Validation;

namespace ContractKit.Cli.Tests.Commands.Codegen;

public class CodegenCommandTests
{
    private static readonly string Shapes = Path.Combine(TestRepository.Root, "tests", "Cli.Tests", "Commands", "Codegen", "Fixtures", "shapes.yaml");

    /// <summary>A valid record of each example dataset, a C# property of its type and the value it must read.</summary>
    private static readonly TestCaseData[] ExampleRecords =
    [
        new TestCaseData("orders.yaml", "orders", "OrdersService.OrdersRecord",
            """{ "order_id": "5f0c1b7e-9a53-4c1e-8f0e-2b0f7d3c1a11", "created_at": "2026-05-01T12:30:00Z", "amount": 12.5, "currency": "EUR", "status": "paid", "customer_email": null, "items": [ { "sku": "A-1", "quantity": 2 } ] }""",
            "OrderId", Guid.Parse("5f0c1b7e-9a53-4c1e-8f0e-2b0f7d3c1a11")).SetArgDisplayNames("orders"),
        new TestCaseData("payments.yaml", "payments", "PaymentsDb.PaymentsRecord",
            """{ "payment_id": 9007199254740993, "order_id": "5f0c1b7e-9a53-4c1e-8f0e-2b0f7d3c1a11", "amount_cents": 1250, "currency": "EUR", "state": "captured", "card_last4": "4242", "created_at": "2026-05-01T12:30:00+02:00" }""",
            "PaymentId", 9007199254740993L).SetArgDisplayNames("payments"),
        new TestCaseData("payments.yaml", "refunds", "PaymentsDb.RefundsRecord",
            """{ "refund_id": 7, "payment_id": 1, "amount_cents": 100, "reason": "customer_request", "note": null, "refunded_at": "2026-05-02T08:00:00Z" }""",
            "RefundedAt", DateTimeOffset.Parse("2026-05-02T08:00:00Z", System.Globalization.CultureInfo.InvariantCulture)).SetArgDisplayNames("refunds"),
        new TestCaseData("clickstream.yaml", "clicks", "WebClickstream.ClicksRecord",
            """{ "event_id": "0b6f8e1c-3d6a-4e7b-9a0f-1c2d3e4f5a6b", "occurred_at": "2026-05-01T12:30:00.123Z", "kind": "page_view", "page": { "url": "https://shop.example.com/cart", "referrer": null }, "session_id": "s-1234567", "target": null }""",
            "EventId", Guid.Parse("0b6f8e1c-3d6a-4e7b-9a0f-1c2d3e4f5a6b")).SetArgDisplayNames("clicks"),
    ];

    [TestCase("orders.yaml")]
    [TestCase("payments.yaml")]
    [TestCase("clickstream.yaml")]
    public async Task The_code_generated_for_an_example_contract_compiles(string contract)
    {
        var result = await CliRunner.RunAsync("codegen", TestRepository.Example(contract), "--lang", "csharp");

        Assert.That(result.ExitCode, Is.Zero, result.Err);
        var compilation = CSharpCompiler.Compile(result.Out);
        Assert.That(compilation.Errors, Is.Empty, compilation.Report(result.Out));
        Assert.That(result.Out, Does.Not.Contain("${"), "a secret reference leaked into the code");
        Assert.That(result.Err, Is.Empty, "the example schemas hold nothing the types cannot carry");
    }

    [TestCaseSource(nameof(ExampleRecords))]
    public async Task The_generated_type_reads_and_writes_a_valid_record(string contract, string dataset, string typeName, string record, string property, object expected)
    {
        using var json = JsonDocument.Parse(record);
        var load = await ContractLoader.LoadFileAsync(TestRepository.Example(contract));
        var schema = load.Contract!.FindDataset(dataset)!.Schema;
        Assert.That(ReferenceValidator.Violations(schema, json.RootElement), Is.Empty, "the sample record must be valid under the contract");
        Assert.That(load.Contract.CreateValidator(dataset).IsValid(json.RootElement), Is.True, "and contractkit must agree");

        var type = await GenerateTypeAsync(typeName, TestRepository.Example(contract), "--dataset", dataset);
        var value = JsonSerializer.Deserialize(record, type)!;
        Assert.That(type.GetProperty(property)!.GetValue(value), Is.EqualTo(expected));

        // Written back, every field keeps its JSON name and value (enums as their JSON strings).
        using var written = JsonDocument.Parse(JsonSerializer.Serialize(value, type));
        foreach (var field in json.RootElement.EnumerateObject().Where(f => f.Value.ValueKind is JsonValueKind.String or JsonValueKind.Number && !f.Name.EndsWith("_at", StringComparison.Ordinal)))
        {
            Assert.That(written.RootElement.GetProperty(field.Name).ToString(), Is.EqualTo(field.Value.ToString()), field.Name);
        }
    }

    [Test]
    public async Task A_record_without_a_required_field_does_not_read()
    {
        var type = await GenerateTypeAsync("OrdersService.OrdersRecord", TestRepository.Example("orders.yaml"));

        var missing = """{ "order_id": "5f0c1b7e-9a53-4c1e-8f0e-2b0f7d3c1a11", "created_at": "2026-05-01T12:30:00Z", "amount": 12.5, "currency": "EUR" }""";
        var wrongEnum = """{ "order_id": "5f0c1b7e-9a53-4c1e-8f0e-2b0f7d3c1a11", "created_at": "2026-05-01T12:30:00Z", "amount": 12.5, "currency": "EUR", "status": "lost" }""";

        Assert.That(() => JsonSerializer.Deserialize(missing, type), Throws.InstanceOf<JsonException>().With.Message.Contains("status"));
        Assert.That(() => JsonSerializer.Deserialize(wrongEnum, type), Throws.InstanceOf<JsonException>());
    }

    [Test]
    public async Task Shapes_a_type_cannot_carry_compile_to_looser_types_with_a_note_for_each()
    {
        var result = await CliRunner.RunAsync("codegen", Shapes, "--lang", "csharp");

        Assert.That(result.ExitCode, Is.Zero, result.Err);
        var compilation = CSharpCompiler.Compile(result.Out);
        Assert.That(compilation.Errors, Is.Empty, compilation.Report(result.Out));
        var notes = result.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(notes, Has.Length.EqualTo(6));
        Assert.That(notes, Has.All.Contains(": note: "));
        Assert.That(notes.Select(n => n.Split(": note: ")[0]), Is.EqualTo(new[] { "28:19", "31:23", "40:30", "48:21", "55:11", "57:16" }.Select(at => $"{Shapes}:{at}")));
    }

    [Test]
    public async Task Shapes_read_a_record_that_uses_them()
    {
        var type = await GenerateTypeAsync("Shapes.ShapesRecord", Shapes);
        var record = """
            {
              "id": 1, "order_id": "a", "orderId": "b", "class": "c", "1st": true, "additional_properties": "d", "kind": "shape",
              "maybe_count": null, "maybe_ratio": 0.5, "number_or_int": 3, "either": 7, "level": null, "priority": 2, "mixed_enum": "one",
              "at": "2026-05-01T12:30:00Z", "day": "2026-05-01", "clock": "12:30:00Z", "span": "P1D", "uid": "5f0c1b7e-9a53-4c1e-8f0e-2b0f7d3c1a11",
              "link": "https://example.com/x", "pair": ["a", 1], "twins": ["a", "b"], "tags": ["x"], "matrix": [[1, 2.5]],
              "counts": { "a": 1 }, "labelled": { "name": "n", "extra": "e" }, "closed": { "a": "z" },
              "owner": { "name": "Ann", "email": null }, "reviewer": { "team": "t" }, "note": null, "author": { "name": "Bo" },
              "tree": { "value": 1, "children": [ { "value": 2, "children": [] } ] }, "shipping": { "express": true }, "dyn": { "team": "x" }, "unknown": true,
              "equals": "e", "to_string": "t", "equality_contract": "c", "get_type": "g", "system": { "name": "s" }
            }
            """;
        using var json = JsonDocument.Parse(record);
        var load = await ContractLoader.LoadFileAsync(Shapes);
        Assert.That(ReferenceValidator.Violations(load.Contract!.Datasets[0].Schema, json.RootElement), Is.Empty);

        var value = JsonSerializer.Deserialize(record, type)!;

        Assert.That(Read(value, "OrderId2"), Is.EqualTo("b"));
        Assert.That(Read(value, "Priority")!.ToString(), Is.EqualTo("Value2"));
        Assert.That(Read(value, "Day"), Is.EqualTo(new DateOnly(2026, 5, 1)));
        Assert.That(Read(value, "Pair"), Has.Count.EqualTo(2));
        Assert.That(Read(Read(Read(value, "Tree")!, "Children")!, "Count"), Is.EqualTo(1));
        Assert.That(Read(Read(value, "Owner")!, "Name"), Is.EqualTo("Ann"));
        Assert.That(Read(value, "AdditionalProperties"), Has.Count.EqualTo(1), "unknown fields land in AdditionalProperties");
        Assert.That(Read(value, "Equals2"), Is.EqualTo("e"), "names a record already has get a suffix");
        Assert.That(Read(Read(value, "System2")!, "Name"), Is.EqualTo("s"));
    }

    [Test]
    public async Task Writes_a_file_with_only_the_chosen_dataset()
    {
        using var folder = new TempFolder();
        var path = Path.Combine(folder.Path, "Refunds.cs");

        var result = await CliRunner.RunAsync("codegen", TestRepository.Example("payments.yaml"), "--lang", "csharp", "--dataset", "refunds", "--namespace", "Acme.Payments", "--out", path);

        Assert.That(result.ExitCode, Is.Zero, result.Err);
        Assert.That(result.Out, Does.Contain($"wrote {path}: RefundsRecord (dataset refunds)"));
        var code = await File.ReadAllTextAsync(path);
        Assert.That(code, Does.Contain("namespace Acme.Payments").And.Contain("record RefundsRecord").And.Not.Contain("PaymentsRecord"));
    }

    [Test]
    public async Task An_unknown_dataset_exits_2_and_lists_the_datasets()
    {
        var result = await CliRunner.RunAsync("codegen", TestRepository.Example("payments.yaml"), "--lang", "csharp", "--dataset", "charges");

        Assert.That(result.ExitCode, Is.EqualTo(2));
        Assert.That(result.Err, Is.EqualTo("contractkit: contract 'payments-db' has no dataset 'charges'; its datasets: payments, refunds\n"));
        Assert.That(result.Out, Is.Empty);
    }

    [Test]
    public async Task A_contract_that_does_not_load_exits_2_with_its_lint_findings()
    {
        using var folder = new TempFolder();
        var path = folder.Write("orders.yaml", File.ReadAllText(TestRepository.Example("orders.yaml")).Replace("minimum: 0,", "minimun: 0,", StringComparison.Ordinal));

        var result = await CliRunner.RunAsync("codegen", path, "--lang", "csharp");

        Assert.That(result.ExitCode, Is.EqualTo(2));
        Assert.That(result.Err, Does.Contain($"{path}:34:33: error schema-unknown-keyword: 'minimun' is not a JSON Schema keyword"));
        Assert.That(result.Err, Does.Contain("hint: did you mean 'minimum'?"));
        Assert.That(result.Err, Does.EndWith($"contractkit: cannot generate code: '{path}' has errors (above); fix them first\n"));
        Assert.That(result.Out, Is.Empty);
    }

    [TestCase("missing.yaml", "'missing.yaml' does not exist")]
    public async Task A_missing_contract_exits_2(string path, string message)
    {
        var result = await CliRunner.RunAsync("codegen", path, "--lang", "csharp");

        Assert.That(result.ExitCode, Is.EqualTo(2));
        Assert.That(result.Err, Does.Contain(message).And.Not.Contain("   at "));
    }

    [TestCase("--lang", "java")]
    [TestCase("--namespace", "Acme.class")]
    [TestCase("--namespace", "1Acme")]
    [TestCase("--namespace", "Acme.System")]
    [TestCase("--out", "/no/such/folder/Orders.cs")]
    public async Task Bad_options_exit_2_with_a_message(string option, string value)
    {
        var args = new List<string> { "codegen", TestRepository.Example("orders.yaml"), option, value };
        if (option != "--lang")
        {
            args.AddRange(["--lang", "csharp"]);
        }

        var result = await CliRunner.RunAsync([.. args]);

        Assert.That(result.ExitCode, Is.EqualTo(2));
        Assert.That(result.Err, Does.StartWith("contractkit: ").And.Contain(value).And.Not.Contain("   at "));
        Assert.That(result.Out, Is.Empty);
    }

    [Test]
    public async Task The_language_is_required()
    {
        var result = await CliRunner.RunAsync("codegen", TestRepository.Example("orders.yaml"));

        Assert.That(result.ExitCode, Is.EqualTo(2));
        Assert.That(result.Err, Does.Contain("--lang"));
    }

    private static async Task<Type> GenerateTypeAsync(string typeName, params string[] args)
    {
        var result = await CliRunner.RunAsync(["codegen", .. args, "--lang", "csharp"]);
        Assert.That(result.ExitCode, Is.Zero, result.Err);
        var compilation = CSharpCompiler.Compile(result.Out);
        Assert.That(compilation.Assembly, Is.Not.Null, compilation.Report(result.Out));
        return compilation.Assembly!.GetType(typeName) ?? throw new AssertionException($"{typeName} is not in the generated code:\n{result.Out}");
    }

    private static object? Read(object target, string property) =>
        target.GetType().GetProperty(property, BindingFlags.Public | BindingFlags.Instance)!.GetValue(target);
}
