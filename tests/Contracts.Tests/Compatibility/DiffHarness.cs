using ContractKit.Contracts.Compatibility;
using ContractKit.Contracts.Loading;
using ContractKit.Contracts.Model;
using ContractKit.Contracts.Tests.Support;

namespace ContractKit.Contracts.Tests.Compatibility;

/// <summary>Loads two contract texts and diffs them; the expected effects are written as "C B B" (backward forward full).</summary>
internal static class DiffHarness
{
    public static async Task<Contract> LoadAsync(string text, string name = "contract.yaml", string? folder = null)
    {
        var fullPath = Path.Combine(folder ?? Repository.Contracts, name);
        var result = await ContractLoader.LoadTextAsync(text, name, fullPath);
        Assert.That(result.Contract, Is.Not.Null, string.Join("\n", result.Diagnostics) + "\n" + text);
        return result.Contract!;
    }

    public static async Task<ContractDiff> DiffAsync(string oldText, string newText, string? folder = null) =>
        ContractDiff.Compare(await LoadAsync(oldText, folder: folder), await LoadAsync(newText, folder: folder));

    /// <summary>"C B B": the effect of the whole change set under backward, forward and full.</summary>
    public static string Effects(ContractDiff diff) => string.Join(' ',
        new[] { CompatibilityDirection.Backward, CompatibilityDirection.Forward, CompatibilityDirection.Full }
            .Select(d => diff.Changes.Any(c => c.Breaks(d)) ? "B" : "C"));

    public static string Rules(ContractDiff diff) => string.Join(' ', diff.Changes.Select(c => c.RuleId).Distinct().Order(StringComparer.Ordinal));

    public static string Describe(ContractDiff diff) =>
        string.Join("\n", diff.Changes.Select(c => $"{c.RuleId} {c.Kind} {c.Location} {c.Pointer}: {c.Message}"));
}
