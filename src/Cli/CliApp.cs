using System.CommandLine;
using ContractKit.Cli.Commands.Codegen;
using ContractKit.Cli.Commands.Init;
using ContractKit.Cli.Commands.Diff;
using ContractKit.Cli.Commands.Docs;
using ContractKit.Cli.Commands.Lint;
using ContractKit.Cli.Commands.Demo;
using ContractKit.Cli.Commands.Probe;
using ContractKit.Cli.Commands.Simulate;
using ContractKit.Cli.Commands.Validate;

namespace ContractKit.Cli;

/// <summary>The <c>contractkit</c> command: its verbs, and how arguments become exit codes.</summary>
internal static class CliApp
{
    public static RootCommand Build(CliContext context) =>
        new("ContractKit: data contracts for the sources a data team ingests from — lint, validate, diff, probe, simulate.")
        {
            LintCommand.Create(context),
            ValidateCommand.Create(context),
            ProbeCommand.Create(context),
            SimulateCommand.Create(context),
            DemoCommand.Create(context),
            CodegenCommand.Create(context),
            InitCommand.Create(context),
            DiffCommand.Create(context),
            DocsCommand.Create(context),
        };

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken, Func<Stream>? input = null)
    {
        var context = new CliContext(output, error, input);
        var result = Build(context).Parse(args);

        // Usage errors are exit 2 like every other "could not do the job" (System.CommandLine uses 1).
        if (result.Errors.Count > 0)
        {
            foreach (var parseError in result.Errors)
            {
                context.Output.Error(parseError.Message);
            }

            error.WriteLine("Run 'contractkit --help' for usage.");
            return (int)ExitCode.UsageOrIoError;
        }

        return await result.InvokeAsync(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false }, cancellationToken);
    }
}
