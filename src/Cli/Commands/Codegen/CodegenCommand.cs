using System.CommandLine;
using ContractKit.Cli.Commands.Lint;
using ContractKit.Contracts.Linting;
using ContractKit.Contracts.Loading;
using ContractKit.Contracts.Model.Datasets;

namespace ContractKit.Cli.Commands.Codegen;

/// <summary><c>contractkit codegen CONTRACT --lang csharp</c>: record types for a contract's datasets.</summary>
internal static class CodegenCommand
{
    // The command list shows this line; what a C# type cannot carry (value rules, conditionals,
    // unions) is in the README and in the notes codegen writes to standard error.
    private const string Description =
        "Generate C# record types (System.Text.Json) for a contract's datasets: the schema's shape; validate records for its value rules.";

    private static readonly Argument<string> ContractPath = new("contract")
    {
        Description = "The contract file",
    };

    private static readonly Option<string> Language = CreateLanguage();

    private static readonly Option<string?> Dataset = new("--dataset", "-d")
    {
        Description = "Only this dataset. Default: every dataset of the contract",
    };

    private static readonly Option<string?> Namespace = new("--namespace", "-n")
    {
        Description = "Namespace of the types. Default: the contract id in PascalCase (orders-service: OrdersService)",
    };

    private static readonly Option<string> Out = new("--out", "-o")
    {
        DefaultValueFactory = _ => "-",
        Description = "File to write (replaced if it exists), or - for standard output. Default: -",
    };

    private static Option<string> CreateLanguage()
    {
        var language = new Option<string>("--lang", "-l")
        {
            Required = true,
            Description = "The language to write; csharp is the only one so far",
        };
        language.AcceptOnlyFromAmong("csharp");
        return language;
    }

    public static Command Create(CliContext cli)
    {
        var command = new Command("codegen", Description)
        {
            ContractPath, Language, Dataset, Namespace, Out,
        };
        command.SetAction((result, token) => cli.RunAsync(output => RunAsync(
            result.GetValue(ContractPath)!, result.GetValue(Dataset), result.GetValue(Namespace), result.GetValue(Out) ?? "-", output, token)));
        return command;
    }

    internal static async Task<ExitCode> RunAsync(string contractPath, string? datasetName, string? @namespace, string outPath, CommandOutput output, CancellationToken cancellationToken)
    {
        if (outPath != "-" && !Directory.Exists(Path.GetDirectoryName(Path.GetFullPath(outPath))))
        {
            output.Error($"cannot write '{outPath}': its folder does not exist");
            return ExitCode.UsageOrIoError;
        }

        if (@namespace is not null && !CSharpNames.IsNamespace(@namespace))
        {
            output.Error($"'{@namespace}' is not a namespace the code can use: write identifiers joined by dots, e.g. Acme.Orders (no keywords, and no System or Microsoft after the first)");
            return ExitCode.UsageOrIoError;
        }

        var load = await ContractLoader.LoadFileAsync(contractPath, cancellationToken);
        if (load.Contract is not { } contract)
        {
            new TextLintWriter().Write(new LintReport([ContractLinter.Lint(load)], []), ExitCode.UsageOrIoError, output.Err);
            output.Error(load.IsIoFailure
                ? $"cannot generate code: '{contractPath}' cannot be read"
                : $"cannot generate code: '{contractPath}' has errors (above); fix them first");
            return ExitCode.UsageOrIoError;
        }

        IReadOnlyCollection<Dataset> datasets = contract.Datasets;
        if (datasetName is not null)
        {
            if (contract.FindDataset(datasetName) is not { } dataset)
            {
                output.Error($"contract '{contract.Id}' has no dataset '{datasetName}'; its datasets: {string.Join(", ", contract.Datasets.Select(d => d.Name))}");
                return ExitCode.UsageOrIoError;
            }

            datasets = [dataset];
        }

        var generated = await CSharpRecordGenerator.GenerateAsync(contract, datasets, @namespace ?? CSharpNames.Pascal(contract.Id.Value, "Contract"), cancellationToken);
        foreach (var note in generated.Notes)
        {
            output.Err.WriteLine($"{note.Span}: note: {note.Message}");
        }

        if (outPath == "-")
        {
            await output.Out.WriteAsync(generated.Code.AsMemory(), cancellationToken);
            return ExitCode.Ok;
        }

        await File.WriteAllTextAsync(outPath, generated.Code, cancellationToken);
        output.Out.WriteLine($"wrote {outPath}: {string.Join(", ", generated.Types.Select(t => $"{t.TypeName} (dataset {t.Dataset})"))}");
        return ExitCode.Ok;
    }
}
