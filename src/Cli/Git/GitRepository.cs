using System.Diagnostics;
using System.Formats.Tar;
using System.Text;

namespace ContractKit.Cli.Git;

/// <summary>A git failure the user can act on: a ref that does not exist, a path outside a repository.</summary>
internal sealed class GitException(string message) : Exception(message);

/// <summary>
/// Reads a git repository by running the <c>git</c> command: the library never talks to git; the
/// CLI turns what git holds into files and text the loader reads.
/// </summary>
internal sealed class GitRepository
{
    private GitRepository(string root) => Root = root;

    /// <summary>The repository's top folder.</summary>
    public string Root { get; }

    /// <summary>The repository that holds <paramref name="folder"/>.</summary>
    /// <exception cref="GitException">The folder is not inside a git work tree, or git is missing.</exception>
    public static async Task<GitRepository> OpenAsync(string folder, CancellationToken cancellationToken)
    {
        var (code, output, _) = await RunAsync(folder, ["rev-parse", "--show-toplevel"], cancellationToken);
        if (code != 0)
        {
            throw new GitException($"'{Path.GetFullPath(folder)}' is not in a git repository; --base compares with a git ref, so the contracts must be in one");
        }

        return new GitRepository(Path.GetFullPath(Encoding.UTF8.GetString(output).Trim()));
    }

    /// <summary>The commit a ref names.</summary>
    /// <exception cref="GitException">No such ref.</exception>
    public async Task<string> ResolveCommitAsync(string reference, CancellationToken cancellationToken)
    {
        var (code, output, _) = await RunAsync(Root, ["rev-parse", "--verify", "--quiet", "--end-of-options", reference + "^{commit}"], cancellationToken);
        if (code != 0)
        {
            throw new GitException($"git ref '{reference}' does not exist in {Root}; name a branch, tag or commit, e.g. --base origin/main");
        }

        return Encoding.UTF8.GetString(output).Trim();
    }

    /// <summary>The files under <paramref name="paths"/> (relative to the root) at <paramref name="commit"/>.</summary>
    public async Task<IReadOnlyList<string>> ListFilesAsync(string commit, IEnumerable<string> paths, CancellationToken cancellationToken)
    {
        var (code, output, error) = await RunAsync(Root, ["ls-tree", "-r", "-z", "--name-only", commit, "--", .. paths], cancellationToken);
        if (code != 0)
        {
            throw new GitException($"git ls-tree failed: {Encoding.UTF8.GetString(error).Trim()}");
        }

        return Encoding.UTF8.GetString(output).Split('\0', StringSplitOptions.RemoveEmptyEntries);
    }

    /// <summary>Writes the files under <paramref name="paths"/> at <paramref name="commit"/> into <paramref name="destination"/> (one <c>git archive</c>).</summary>
    public async Task ExtractAsync(string commit, IReadOnlyCollection<string> paths, string destination, CancellationToken cancellationToken)
    {
        if (paths.Count == 0)
        {
            return;
        }

        var (code, output, error) = await RunAsync(Root, ["archive", "--format=tar", commit, "--", .. paths], cancellationToken);
        if (code != 0)
        {
            throw new GitException($"git archive failed: {Encoding.UTF8.GetString(error).Trim()}");
        }

        using var tar = new MemoryStream(output);
        await TarFile.ExtractToDirectoryAsync(tar, destination, overwriteFiles: true, cancellationToken);
    }

    private static async Task<(int Code, byte[] Output, byte[] Error)> RunAsync(string folder, IEnumerable<string> arguments, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("git")
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new GitException("git could not be started");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new GitException($"git could not be started ({e.Message}); --base needs git on the PATH");
        }

        using (process)
        {
            using var output = new MemoryStream();
            using var error = new MemoryStream();
            var copyOut = process.StandardOutput.BaseStream.CopyToAsync(output, cancellationToken);
            var copyErr = process.StandardError.BaseStream.CopyToAsync(error, cancellationToken);
            await Task.WhenAll(copyOut, copyErr, process.WaitForExitAsync(cancellationToken));
            return (process.ExitCode, output.ToArray(), error.ToArray());
        }
    }
}
