using System.CommandLine;
using ContractKit.Contracts.Compatibility;
using ContractKit.Contracts.Documentation;

namespace ContractKit.Cli.Commands.Diff;

/// <summary>
/// <c>contractkit diff OLD NEW</c>, <c>diff FOLDER</c> and <c>diff --base REF [PATH…]</c>: every
/// change between versions of a contract, its effect under backward/forward/full, and the verdict
/// against the declared compatibility and the version.
/// </summary>
internal static class DiffCommand
{
    private static readonly Argument<string[]> Paths = new("paths")
    {
        Arity = ArgumentArity.ZeroOrMore,
        Description = "OLD NEW (two contract files), FOLDER (versions side by side), or with --base the files and folders to compare (default: contracts/)",
    };

    private static readonly Option<string?> Base = new("--base")
    {
        Description = "Compare each contract with its own content at this git ref (branch, tag or commit)",
    };

    private static readonly Option<DiffFormat> Format =
        ChoiceOption.Create<DiffFormat>("--format", "-f", "text (the default), json, or md (a pull-request comment)");

    private static readonly Option<bool> ListRules = new("--list-rules")
    {
        Description = "Print every change rule with its effect under backward, forward and full, and exit",
    };

    public static Command Create(CliContext cli)
    {
        var command = new Command("diff", "Compare versions of a contract: each change, its effect on consumers, and the semver bump it needs.")
        {
            Paths, Base, Format, ListRules,
        };
        command.SetAction((result, token) => cli.RunAsync(output => RunAsync(
            result.GetValue(Paths) ?? [], result.GetValue(Base), result.GetValue(Format), result.GetValue(ListRules), output, token)));
        return command;
    }

    internal static async Task<ExitCode> RunAsync(string[] paths, string? baseRef, DiffFormat format, bool listRules, CommandOutput output, CancellationToken cancellationToken)
    {
        if (listRules)
        {
            foreach (var rule in ChangeRules.All)
            {
                var effects = rule.Effects;
                output.Out.WriteLine($"{rule.Id,-50} backward {ChangeText.Of(effects.Backward),-10} forward {ChangeText.Of(effects.Forward),-10} full {ChangeText.Of(effects.Full),-10} {rule.Summary}");
            }

            return ExitCode.Ok;
        }

        var report = (baseRef, paths.Length) switch
        {
            (not null, _) => await GitBaseDiff.RunAsync(baseRef, paths.Length == 0 ? ["contracts"] : paths, cancellationToken),
            (null, 2) => await DiffSources.FilesAsync(paths[0], paths[1], cancellationToken),
            (null, 1) when Directory.Exists(paths[0]) => await DiffSources.FolderAsync(paths[0], cancellationToken),
            (null, 1) when !File.Exists(paths[0]) => throw new InputException($"'{paths[0]}' does not exist"),
            _ => throw new InputException("name two contract files (contractkit diff OLD NEW), a folder of versions (contractkit diff FOLDER), or a git ref (contractkit diff --base main)"),
        };

        IDiffWriter writer = format switch
        {
            DiffFormat.Json => new JsonDiffWriter(),
            DiffFormat.Md => new MarkdownDiffWriter(),
            _ => new TextDiffWriter(),
        };
        writer.Write(report, output.Out);
        return report.ExitCode;
    }
}
