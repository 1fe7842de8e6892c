using System.CommandLine;
using ContractKit.Contracts.Diagnostics;
using ContractKit.Contracts.Linting;

namespace ContractKit.Cli.Commands.Lint;

/// <summary><c>contractkit lint [PATH…]</c>: checks contracts without touching any source.</summary>
internal static class LintCommand
{
    private static readonly Argument<string[]> Paths = new("paths")
    {
        Arity = ArgumentArity.ZeroOrMore,
        Description = "Contract files or folders (searched recursively). Default: contracts/",
    };

    private static readonly Option<LintFormat> Format =
        ChoiceOption.Create<LintFormat>("--format", "-f", "text (the default), json, or github (workflow annotations)");

    private static readonly Option<bool> Strict = new("--strict")
    {
        Description = "Fail on warnings too",
    };

    private static readonly Option<bool> ListRules = new("--list-rules")
    {
        Description = "Print every rule lint enforces and exit",
    };

    public static Command Create(CliContext cli)
    {
        var command = new Command("lint", "Check contracts: structure, values, references and the rules between them.")
        {
            Paths, Format, Strict, ListRules,
        };
        command.SetAction((result, token) => cli.RunAsync(output => RunAsync(
            result.GetValue(Paths) ?? [], result.GetValue(Format), result.GetValue(Strict), result.GetValue(ListRules), output, token)));
        return command;
    }

    internal static async Task<ExitCode> RunAsync(string[] paths, LintFormat format, bool strict, bool listRules, CommandOutput output, CancellationToken cancellationToken)
    {
        if (listRules)
        {
            foreach (var rule in Rules.All)
            {
                output.Out.WriteLine($"{rule.Id,-26} {(rule.DefaultSeverity == Severity.Error ? "error  " : "warning")} {rule.Summary}");
            }

            return ExitCode.Ok;
        }

        if (paths.Length == 0)
        {
            if (!Directory.Exists("contracts"))
            {
                output.Error("no path given and there is no contracts/ folder here; name the contracts to check, e.g. contractkit lint orders.yaml");
                return ExitCode.UsageOrIoError;
            }

            paths = ["contracts"];
        }

        var report = await ContractLinter.LintAsync(paths, cancellationToken);
        foreach (var missing in report.Missing)
        {
            output.Error($"'{missing}' does not exist");
        }

        var exitCode = report.HasIoFailure ? ExitCode.UsageOrIoError
            : report.Errors > 0 || (strict && report.Warnings > 0) ? ExitCode.Findings
            : ExitCode.Ok;
        ILintWriter writer = format switch
        {
            LintFormat.Json => new JsonLintWriter(),
            LintFormat.Github => new GitHubLintWriter(),
            _ => new TextLintWriter(),
        };
        writer.Write(report, exitCode, output.Out);
        return exitCode;
    }
}
