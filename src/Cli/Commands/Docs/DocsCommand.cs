using System.CommandLine;
using ContractKit.Contracts.Documentation;
using ContractKit.Contracts.Loading;
using ContractKit.Contracts.Model;

namespace ContractKit.Cli.Commands.Docs;

/// <summary>How docs renders.</summary>
internal enum DocsFormat
{
    /// <summary>Markdown.</summary>
    Md,

    /// <summary>One self-contained HTML file.</summary>
    Html,
}

/// <summary>
/// <c>contractkit docs CONTRACT [--format md|html] [--out DIR] [--history DIR]</c>: the document a
/// source team reads to agree to a contract, with the changelog from its earlier versions.
/// </summary>
internal static class DocsCommand
{
    private static readonly Argument<string> Contract = new("contract")
    {
        Description = "The contract file to document",
    };

    private static readonly Option<DocsFormat> Format =
        ChoiceOption.Create<DocsFormat>("--format", "-f", "md (the default) or html (one self-contained file)");

    private static readonly Option<string?> Out = new("--out", "-o")
    {
        Description = "Write <id>.md or <id>.html into this folder (created if missing) instead of printing it",
    };

    private static readonly Option<string?> History = new("--history")
    {
        Description = "Folder of earlier versions for the changelog. Default: history/<id>/ beside the contract, when it exists",
    };

    public static Command Create(CliContext cli)
    {
        var command = new Command("docs", "Render a contract for people: fields, promises in sentences, quality rules, changelog.")
        {
            Contract, Format, Out, History,
        };
        command.SetAction((result, token) => cli.RunAsync(output => RunAsync(
            result.GetValue(Contract)!, result.GetValue(Format), result.GetValue(Out), result.GetValue(History), output, token)));
        return command;
    }

    internal static async Task<ExitCode> RunAsync(string path, DocsFormat format, string? outFolder, string? historyFolder, CommandOutput output, CancellationToken cancellationToken)
    {
        if (Directory.Exists(path) || !File.Exists(path))
        {
            throw new InputException(Directory.Exists(path) ? $"'{path}' is a folder; name one contract file" : $"'{path}' does not exist");
        }

        var loaded = await ContractLoader.LoadFileAsync(path, cancellationToken);
        var contract = loaded.Contract ?? throw new InputException($"{path} does not lint, so it cannot be documented (contractkit lint shows the same findings)",
            [.. loaded.Diagnostics.Where(d => d.IsError)]);
        var earlier = await LoadHistoryAsync(contract, historyFolder, cancellationToken);

        var text = format == DocsFormat.Html ? ContractDocs.ToHtml(contract, earlier) : ContractDocs.ToMarkdown(contract, earlier);
        if (outFolder is null)
        {
            output.Out.Write(text);
            return ExitCode.Ok;
        }

        Directory.CreateDirectory(outFolder);
        var file = Path.Combine(outFolder, $"{contract.Id}.{(format == DocsFormat.Html ? "html" : "md")}");
        await File.WriteAllTextAsync(file, text, cancellationToken);
        output.Out.WriteLine($"wrote {file} ({contract.Id} {contract.Version}{(earlier.Count == 0 ? "" : $", changelog from {earlier.Count} earlier version{(earlier.Count == 1 ? "" : "s")}")})");
        return ExitCode.Ok;
    }

    private static async Task<IReadOnlyList<Contract>> LoadHistoryAsync(Contract contract, string? historyFolder, CancellationToken cancellationToken)
    {
        var folder = historyFolder ?? Path.Combine(contract.BaseDirectory, "history", contract.Id.Value);
        if (!Directory.Exists(folder))
        {
            return historyFolder is null ? [] : throw new InputException($"--history '{historyFolder}' does not exist");
        }

        var versions = await VersionFolder.LoadAsync(folder, cancellationToken);
        if (versions.FirstOrDefault(v => v.Contract.Id != contract.Id) is { Contract: not null } stranger)
        {
            throw new InputException($"{stranger.Path} is contract '{stranger.Contract.Id}', not an earlier version of '{contract.Id}'");
        }

        return [.. versions.Select(v => v.Contract).Where(v => v.Version < contract.Version)];
    }
}
