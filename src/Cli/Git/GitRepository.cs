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

    /// <summary>Files under <paramref name="paths"/> that differ between <paramref name="commit"/> and the working tree: modified, added, deleted or untracked.</summary>
    public async Task<HashSet<string>> ChangedFilesAsync(string commit, IEnumerable<string> paths, CancellationToken cancellationToken)
    {
        var pathspecs = paths.ToList();
        var (code, output, error) = await RunAsync(Root, ["diff", "--name-only", "-z", "--no-renames", commit, "--", .. pathspecs], cancellationToken);
        var (untrackedCode, untracked, untrackedError) = await RunAsync(Root, ["ls-files", "-z", "--others", "--exclude-standard", "--", .. pathspecs], cancellationToken);
        if (code != 0 || untrackedCode != 0)
        {
            throw new GitException($"git could not list the changed files: {Encoding.UTF8.GetString(code != 0 ? error : untrackedError).Trim()}");
        }

        return [.. Encoding.UTF8.GetString(output).Split('\0', StringSplitOptions.RemoveEmptyEntries).Concat(Encoding.UTF8.GetString(untracked).Split('\0', StringSplitOptions.RemoveEmptyEntries))];
    }

    /// <summary>The content of <paramref name="paths"/> at <paramref name="commit"/>, in one <c>git cat-file --batch</c>; paths that do not exist there are left out.</summary>
    public async Task<Dictionary<string, byte[]>> ReadFilesAsync(string commit, IReadOnlyList<string> paths, CancellationToken cancellationToken)
    {
        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        if (paths.Count == 0)
        {
            return files;
        }

        var input = string.Concat(paths.Select(p => $"{commit}:{p}\n"));
        var (code, output, error) = await RunAsync(Root, ["cat-file", "--batch"], cancellationToken, Encoding.UTF8.GetBytes(input));
        if (code != 0)
        {
            throw new GitException($"git cat-file failed: {Encoding.UTF8.GetString(error).Trim()}");
        }

        // Each answer is "<oid> blob <size>\n<content>\n", or "<name> missing\n".
        var position = 0;
        foreach (var path in paths)
        {
            var end = Array.IndexOf(output, (byte)'\n', position);
            var header = Encoding.UTF8.GetString(output, position, end - position).Split(' ');
            position = end + 1;
            if (header.Length == 3 && header[1] == "blob" && int.TryParse(header[2], System.Globalization.CultureInfo.InvariantCulture, out var size))
            {
                files[path] = output[position..(position + size)];
                position += size + 1;
            }
        }

        return files;
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

    private static async Task<(int Code, byte[] Output, byte[] Error)> RunAsync(string folder, IEnumerable<string> arguments, CancellationToken cancellationToken, byte[]? input = null)
    {
        var start = new ProcessStartInfo("git")
        {
            WorkingDirectory = folder,
            RedirectStandardInput = input is not null,
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
            if (input is not null)
            {
                await process.StandardInput.BaseStream.WriteAsync(input, cancellationToken);
                process.StandardInput.Close();
            }

            await Task.WhenAll(copyOut, copyErr, process.WaitForExitAsync(cancellationToken));
            return (process.ExitCode, output.ToArray(), error.ToArray());
        }
    }
}
