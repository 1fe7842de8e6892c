using System.CommandLine;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using ContractKit.Cli.Commands.Lint;
using ContractKit.Contracts.Linting;
using ContractKit.Contracts.Loading;
using ContractKit.Contracts.Validation;
using ContractKit.Contracts.Values;

namespace ContractKit.Cli.Commands.Init;

/// <summary><c>contractkit init --from-sample FILE</c>: drafts a contract from a sample payload.</summary>
internal static partial class InitCommand
{
    // The command list shows this line; the README says what the draft guesses and leaves to complete.
    private const string Description =
        "Draft a contract from a sample payload (a record, an array, an API response or NDJSON): schema inferred, key and eventTime guessed.";

    private static readonly Option<string> FromSample = new("--from-sample")
    {
        Required = true,
        Description = "The sample payload (JSON or NDJSON)",
    };

    private static readonly Option<string?> Id = new("--id")
    {
        Description = "The contract id (kebab-case). Default: the dataset name",
    };

    private static readonly Option<string?> Name = new("--name")
    {
        Description = "The dataset name. Default: the sample's file name (orders.json: orders)",
    };

    private static readonly Option<string?> Out = new("--out", "-o")
    {
        Description = "Where to write the contract, or - for standard output. Default: ID.yaml",
    };

    private static readonly Option<bool> Force = new("--force")
    {
        Description = "Replace the output file if it exists",
    };

    public static Command Create(CliContext cli)
    {
        var command = new Command("init", Description) { FromSample, Id, Name, Out, Force };
        command.SetAction((result, token) => cli.RunAsync(output => RunAsync(
            new InitOptions(result.GetValue(FromSample)!, result.GetValue(Id), result.GetValue(Name), result.GetValue(Out), result.GetValue(Force)), output, token)));
        return command;
    }

    internal static async Task<ExitCode> RunAsync(InitOptions options, CommandOutput output, CancellationToken cancellationToken)
    {
        var name = options.Name ?? NameFrom(options.SamplePath);
        if (!DatasetName().IsMatch(name))
        {
            output.Error($"'{name}' is not a dataset name: use lowercase letters, digits, _ and -, starting with a letter, e.g. orders");
            return ExitCode.UsageOrIoError;
        }

        if (!ContractId.TryParse(options.Id ?? IdFrom(name), out var id, out var idError))
        {
            output.Error(idError!);
            return ExitCode.UsageOrIoError;
        }

        var outPath = options.OutPath ?? $"{id}.yaml";
        var toStdout = outPath == "-";
        var fullPath = Path.GetFullPath(toStdout ? $"{id}.yaml" : outPath);
        if (!toStdout && File.Exists(outPath) && !options.Force)
        {
            output.Error($"'{outPath}' exists; pass --force to replace it, or --out to write elsewhere");
            return ExitCode.UsageOrIoError;
        }

        if (!Directory.Exists(Path.GetDirectoryName(fullPath)))
        {
            output.Error($"cannot write '{outPath}': its folder does not exist");
            return ExitCode.UsageOrIoError;
        }

        var read = await SampleReader.ReadAsync(options.SamplePath, cancellationToken);
        if (read.Sample is not { } sample)
        {
            output.Error(read.Error!);
            return ExitCode.UsageOrIoError;
        }

        var schema = SchemaInference.Infer(sample.Records);

        // Contracts name fields with dots (customer.email): a name that cannot be written so has no field path.
        if (schema.PropertyNames().FirstOrDefault(p => !FieldPath.TryParse(p.Name, out _, out _)) is { Path: not null } unnamed)
        {
            output.Error($"the sample has a field named {JsonSerializer.Serialize(unnamed.Name)} at {unnamed.Path}: contracts cannot name it; " +
                         "field names must be non-empty, without leading or trailing spaces, and without empty parts between dots");
            return ExitCode.UsageOrIoError;
        }
        var contractFolder = Path.GetDirectoryName(fullPath)!;
        var draft = new DraftRequest(
            id,
            name,
            Path.GetFileName(options.SamplePath),
            Path.GetRelativePath(contractFolder, Path.GetFullPath(options.SamplePath)).Replace('\\', '/'),
            toStdout ? $"{id}.yaml" : outPath,
            sample,
            schema,
            FieldGuesses.Key(name, schema, sample.Records),
            FieldGuesses.EventTime(schema));
        var text = ContractDraft.Write(draft);

        // The product's own linter decides whether the draft is a contract: no error may remain.
        var shownPath = toStdout ? "-" : outPath;
        var linted = ContractLinter.Lint(await ContractLoader.LoadTextAsync(text, shownPath, fullPath, cancellationToken));
        var report = new LintReport([linted], []);
        var info = toStdout ? output.Err : output.Out;
        if (report.Errors > 0)
        {
            new TextLintWriter().Write(report, ExitCode.Findings, output.Err);
            output.Error("the drafted contract does not lint clean, so it was not written; this is a bug in contractkit: please report it with the sample");
            return ExitCode.Findings;
        }

        // And the product's own validator decides whether the schema accepts the sample it came from.
        var validator = RecordValidator.For(linted.Result.Contract!.Datasets[0].Schema);
        var rejected = sample.Records.Select((record, index) => (Index: index, Result: validator.Validate(record))).FirstOrDefault(r => !r.Result.IsValid);
        if (rejected.Result is not null)
        {
            output.Error($"the drafted schema rejects record {rejected.Index + 1} of the sample ({rejected.Result.Errors[0]}), so it was not written; " +
                         "this is a bug in contractkit: please report it with the sample");
            return ExitCode.Findings;
        }

        if (toStdout)
        {
            await output.Out.WriteAsync(text.AsMemory(), cancellationToken);
        }
        else
        {
            await using var file = new FileStream(outPath, options.Force ? FileMode.Create : FileMode.CreateNew, FileAccess.Write);
            await file.WriteAsync(Encoding.UTF8.GetBytes(text), cancellationToken);
        }

        info.WriteLine($"drafted {(toStdout ? "a contract" : outPath)} from {sample.Records.Length} record{(sample.Records.Length == 1 ? "" : "s")}" +
                       (sample.RecordsProperty is { } property ? $" under '{property}'" : "") +
                       $": dataset {name}, {schema.Properties.Length} fields, key {draft.Key ?? "not guessed"}, eventTime {draft.EventTime ?? "not guessed"}");
        if (report.Warnings > 0)
        {
            new TextLintWriter().Write(report, ExitCode.Ok, info);
        }

        return ExitCode.Ok;
    }

    // orders.json → orders; "Click Events.v2.ndjson" → click-events-v2; 2024.json → records
    private static string NameFrom(string samplePath)
    {
        var stem = NotName().Replace(Path.GetFileNameWithoutExtension(samplePath).ToLowerInvariant(), "-").Trim('-', '_');
        return stem.Length > 0 && char.IsAsciiLetterLower(stem[0]) ? stem : "records";
    }

    private static string IdFrom(string name)
    {
        var id = NotIdPart().Replace(name, "-").Trim('-');
        return id.Length is > 0 and <= 64 ? id : "drafted-contract";
    }

    [GeneratedRegex("^[a-z][a-z0-9_-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex DatasetName();

    [GeneratedRegex("[^a-z0-9_-]+", RegexOptions.CultureInvariant)]
    private static partial Regex NotName();

    [GeneratedRegex("[^a-z0-9]+", RegexOptions.CultureInvariant)]
    private static partial Regex NotIdPart();
}

/// <summary>The arguments of <c>contractkit init</c>.</summary>
/// <param name="SamplePath">The sample payload.</param>
/// <param name="Id">The contract id, or null for one from the dataset name.</param>
/// <param name="Name">The dataset name, or null for one from the sample's file name.</param>
/// <param name="OutPath">The output file, - for standard output, or null for ID.yaml.</param>
/// <param name="Force">Replace an existing output file.</param>
internal sealed record InitOptions(string SamplePath, string? Id, string? Name, string? OutPath, bool Force);
