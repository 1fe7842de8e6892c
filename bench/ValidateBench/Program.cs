using System.Diagnostics;
using System.Text.Json;
using ContractKit.Contracts.Loading;
using ContractKit.Contracts.Model.Datasets;
using ContractKit.Contracts.Records;
using ContractKit.Contracts.Validation;
using Json.Schema;

// bench/validate.sh runs one mode per process so each gets its own peak RSS:
//   parse | library | jsonschemanet | export-schema  CONTRACT DATASET FILE
var (mode, contractPath, datasetName, file) = (args[0], args[1], args[2], args.Length > 3 ? args[3] : "");
var contract = (await ContractLoader.LoadFileAsync(contractPath)).Contract ?? throw new InvalidOperationException("contract does not load");
var dataset = contract.FindDataset(datasetName)!;

if (mode == "export-schema")
{
    Console.WriteLine(dataset.Schema.Json.GetRawText());
    return;
}

// PASSES=2 times a second pass in the same process (JIT and caches warm) and prints that one.
var passes = int.TryParse(Environment.GetEnvironmentVariable("PASSES"), out var p) && p > 1 ? p : 1;
long records = 0, invalid = 0;
var stopwatch = new Stopwatch();
for (var pass = 0; pass < passes; pass++)
{
    records = invalid = 0;
    stopwatch.Restart();
    switch (mode)
    {
        case "parse":
            // The floor: System.Text.Json parsing the same lines from UTF-8, no validation.
            await foreach (var entry in RecordReader.ReadAsync(File.OpenRead(file), FileFormat.Jsonl, null, CancellationToken.None))
            {
                records++;
                invalid += entry.HasRecord && entry.Record.ValueKind == JsonValueKind.Object ? 0 : 1;
            }

            break;

        case "library":
            {
                var validator = RecordValidator.For(dataset.Schema);
                await foreach (var entry in RecordReader.ReadAsync(File.OpenRead(file), FileFormat.Jsonl, null, CancellationToken.None))
                {
                    records++;
                    if (!validator.IsValid(entry.Record))
                    {
                        invalid++;
                        _ = validator.Validate(entry.Record);
                    }
                }

                break;
            }

        case "jsonschemanet":
            {
                var options = new BuildOptions { SchemaRegistry = new SchemaRegistry(), Dialect = Dialect.Draft202012 };
                var schema = JsonSchema.Build(dataset.Schema.Json, options, dataset.Schema.BaseUri);
                var evaluation = new EvaluationOptions { OutputFormat = OutputFormat.Flag, RequireFormatValidation = true };
                await foreach (var entry in RecordReader.ReadAsync(File.OpenRead(file), FileFormat.Jsonl, null, CancellationToken.None))
                {
                    records++;
                    invalid += schema.Evaluate(entry.Record, evaluation).IsValid ? 0 : 1;
                }

                break;
            }

        default:
            throw new ArgumentException($"unknown mode {mode}");
    }
}

Console.WriteLine($"{records} {invalid} {stopwatch.Elapsed.TotalSeconds:F3}");
