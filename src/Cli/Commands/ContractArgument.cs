using ContractKit.Contracts.Loading;
using ContractKit.Contracts.Model;

namespace ContractKit.Cli.Commands;

/// <summary>The CONTRACT argument of a command that works on one contract (validate, simulate).</summary>
internal static class ContractArgument
{
    /// <summary>The contract at <paramref name="path"/>; null after reporting its errors when it does not load.</summary>
    public static async Task<Contract?> LoadAsync(string path, CommandOutput output, CancellationToken cancellationToken)
    {
        var loaded = await ContractLoader.LoadFileAsync(path, cancellationToken);
        if (loaded.Contract is null)
        {
            output.Error($"the contract {path} does not load:");
            foreach (var diagnostic in loaded.Diagnostics.Where(d => d.IsError))
            {
                output.Err.WriteLine($"  {diagnostic}");
            }
        }

        return loaded.Contract;
    }
}
