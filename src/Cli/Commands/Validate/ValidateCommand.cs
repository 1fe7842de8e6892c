using System.CommandLine;
using ContractKit.Cli.Output;
using ContractKit.Contracts.Model;
using ContractKit.Contracts.Model.Datasets;
using ContractKit.Contracts.Validation;

namespace ContractKit.Cli.Commands.Validate;

/// <summary>How validate prints.</summary>
internal enum ValidateFormat
{
    /// <summary>A line per violation and a summary.</summary>
    Text,

    /// <summary>One JSON document.</summary>
    Json,

    /// <summary>JUnit XML.</summary>
    Junit,
}

/// <summary><c>contractkit validate CONTRACT FILE…|-</c>: checks record files against a dataset's schema.</summary>
internal static class ValidateCommand
{
    private static readonly Argument<string> ContractPath = new("contract") { Description = "The contract file" };

    private static readonly Argument<string[]> Files = new("files")
    {
        Arity = ArgumentArity.OneOrMore,
        Description = "Record files (NDJSON .jsonl/.ndjson, JSON .json, CSV .csv), or - for standard input",
    };

    private static readonly Option<string?> Dataset = new("--dataset", "-d") { Description = "The dataset whose schema applies (needed when the contract has several)" };

    private static readonly Option<ValidateFormat> Format =
        ChoiceOption.Create<ValidateFormat>("--format", "-f", "text (the default), json or junit");

    private static readonly Option<FileFormat?> InputFormat = new("--input-format")
    {
        HelpName = "jsonl|json|csv",
        Description = "Read every input as this format (default: by file extension; jsonl for -)",
    };

    private static readonly Option<int> MaxErrors = new("--max-errors")
    {
        DefaultValueFactory = _ => 100,
        Description = "Most invalid records described in full (the rest are counted); 0 for all",
    };

    public static Command Create(CliContext cli)
    {
        var command = new Command("validate", "Check record files against a dataset's schema.")
        {
            ContractPath, Files, Dataset, Format, InputFormat, MaxErrors,
        };
        MaxErrors.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 0)
            {
                result.AddError("--max-errors must be 0 (no limit) or more");
            }
        });
        command.SetAction((result, token) => cli.RunAsync(output => RunAsync(
            new Arguments(result.GetValue(ContractPath)!, result.GetValue(Files)!, result.GetValue(Dataset), result.GetValue(Format), result.GetValue(InputFormat), result.GetValue(MaxErrors)),
            output, token)));
        return command;
    }

    internal sealed record Arguments(string Contract, string[] Files, string? Dataset, ValidateFormat Format, FileFormat? InputFormat, int MaxErrors);

    internal static async Task<ExitCode> RunAsync(Arguments arguments, CommandOutput output, CancellationToken cancellationToken)
    {
        if (await ContractArgument.LoadAsync(arguments.Contract, output, cancellationToken) is not { } contract)
        {
            return ExitCode.UsageOrIoError;
        }

        if (ChooseDataset(contract, arguments.Dataset, output) is not { } dataset)
        {
            return ExitCode.UsageOrIoError;
        }

        if (arguments.Files.Count(f => f == "-") > 1)
        {
            output.Error("standard input (-) can be named only once");
            return ExitCode.UsageOrIoError;
        }

        var validator = RecordValidator.For(dataset.Schema);
        IValidationReport report = arguments.Format switch
        {
            ValidateFormat.Json => new JsonValidationReport(new TextWriterStream(output.Out), contract.Id.Value, contract.Version.ToString(), dataset.Name),
            ValidateFormat.Junit => new JUnitValidationReport(output.Out, contract.Id.Value, dataset.Name),
            _ => new TextValidationReport(output.Out, arguments.MaxErrors),
        };
        using var disposable = report as IDisposable;

        var request = new ValidationRequest(validator, dataset, arguments.InputFormat, arguments.MaxErrors);
        var summary = await ValidationRun.RunAsync(request, arguments.Files, file => file == "-" ? output.OpenInput() : File.OpenRead(file), report, cancellationToken);
        foreach (var failed in summary.Files.Where(f => f.Failure is not null))
        {
            output.Error(failed.Failure!);
        }

        var exitCode = summary.Files.Any(f => f.Failure is not null) ? ExitCode.UsageOrIoError
            : summary.Invalid + summary.Unreadable > 0 ? ExitCode.Findings
            : ExitCode.Ok;
        report.Finished(summary, exitCode);
        return exitCode;
    }

    private static Dataset? ChooseDataset(Contract contract, string? name, CommandOutput output)
    {
        var names = string.Join(", ", contract.Datasets.Select(d => d.Name));
        if (name is null)
        {
            if (contract.Datasets.Length == 1)
            {
                return contract.Datasets[0];
            }

            output.Error($"{contract.Id} has {contract.Datasets.Length} datasets; say which with --dataset ({names})");
            return null;
        }

        var dataset = contract.FindDataset(name);
        if (dataset is null)
        {
            output.Error($"{contract.Id} has no dataset '{name}'; it has: {names}");
        }

        return dataset;
    }
}
