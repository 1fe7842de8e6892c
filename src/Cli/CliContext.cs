namespace ContractKit.Cli;

/// <summary>Where a command writes: results to <see cref="Out"/>, problems to <see cref="Err"/>.</summary>
internal sealed class CommandOutput(TextWriter output, TextWriter error, Func<Stream> input)
{
    /// <summary>Standard input, for commands that read <c>-</c>.</summary>
    public Stream OpenInput() => input();

    public TextWriter Out => output;

    public TextWriter Err => error;

    public void Error(string message) => error.WriteLine($"contractkit: {message}");
}

/// <summary>
/// Runs a command body with the process-wide guarantees: expected failures end with a message and
/// an exit code, never a stack trace; Ctrl-C ends with 130.
/// </summary>
internal sealed class CliContext(TextWriter output, TextWriter error, Func<Stream>? input = null)
{
    public CommandOutput Output { get; } = new(output, error, input ?? Console.OpenStandardInput);

    public async Task<int> RunAsync(Func<CommandOutput, Task<ExitCode>> body)
    {
        try
        {
            return (int)await body(Output);
        }
        catch (InputException e)
        {
            Output.Error(e.Message);
            foreach (var diagnostic in e.Diagnostics)
            {
                Output.Err.WriteLine($"  {diagnostic}");
                Output.Err.WriteLine($"      hint: {diagnostic.Hint}");
            }

            return (int)ExitCode.UsageOrIoError;
        }
        catch (Git.GitException e)
        {
            Output.Error(e.Message);
            return (int)ExitCode.UsageOrIoError;
        }
        catch (OperationCanceledException)
        {
            Output.Error("cancelled");
            return (int)ExitCode.Cancelled;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Output.Error(e.Message);
            return (int)ExitCode.UsageOrIoError;
        }
#pragma warning disable CA1031 // The last line of defence: a bug prints one line, not a stack trace.
        catch (Exception e)
#pragma warning restore CA1031
        {
            Output.Error($"internal error ({e.GetType().Name}): {e.Message}. This is a bug in contractkit; please report it with the command you ran.");
            return (int)ExitCode.InternalError;
        }
    }
}
