using System.Diagnostics;

namespace ContractKit.Cli.Tests.Support;

/// <summary>What a run of contractkit printed and returned.</summary>
internal sealed record CliResult(int ExitCode, string Out, string Err);

/// <summary>Runs contractkit in-process (fast) or as a real process (for what only a process shows).</summary>
internal static class CliRunner
{
    public static string RepositoryRoot => TestRepository.Root;

    public static Task<CliResult> RunAsync(params string[] args) => RunWithInputAsync(null, args);

    /// <summary>Runs in-process with <paramref name="input"/> as standard input.</summary>
    public static async Task<CliResult> RunWithInputAsync(byte[]? input, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await CliApp.RunAsync(args, output, error, CancellationToken.None, () => new MemoryStream(input ?? []));
        return new CliResult(code, output.ToString(), error.ToString());
    }

    /// <summary>Runs the built contractkit.dll with dotnet, in <paramref name="workingDirectory"/>.</summary>
    public static async Task<CliResult> RunProcessAsync(string workingDirectory, params string[] args)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "contractkit.dll");
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(dll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return new CliResult(process.ExitCode, await output, await error);
    }
}
