using ContractKit.Contracts.Loading;
using ContractKit.Contracts.Model;
using ContractKit.Contracts.Validation;

namespace ContractKit.NUnit;

/// <summary>
/// Entry point of the constraints: <c>Assert.That(json, Conforms.To(contract, "orders"))</c> for one
/// record, <c>Conforms.EachTo(...)</c> for a collection or JSON array of records.
/// </summary>
public static class Conforms
{
    /// <summary>The actual value is one record that satisfies the dataset's schema.</summary>
    /// <param name="contract">A loaded contract.</param>
    /// <param name="dataset">The dataset's name.</param>
    public static ConformsToConstraint To(Contract contract, string dataset) =>
        new(Describe(contract, dataset), contract.CreateValidator(dataset), eachRecord: false);

    /// <summary>Like <see cref="To(Contract, string)"/>, loading the contract from a file.</summary>
    /// <param name="contractPath">Path of the contract file.</param>
    /// <param name="dataset">The dataset's name.</param>
    /// <exception cref="InvalidOperationException">The contract does not load; the message lists its findings.</exception>
    public static ConformsToConstraint To(string contractPath, string dataset) => To(Load(contractPath), dataset);

    /// <summary>The actual value is a collection (or JSON array) whose every record satisfies the dataset's schema.</summary>
    /// <param name="contract">A loaded contract.</param>
    /// <param name="dataset">The dataset's name.</param>
    public static ConformsToConstraint EachTo(Contract contract, string dataset) =>
        new(Describe(contract, dataset), contract.CreateValidator(dataset), eachRecord: true);

    /// <summary>Like <see cref="EachTo(Contract, string)"/>, loading the contract from a file.</summary>
    /// <param name="contractPath">Path of the contract file.</param>
    /// <param name="dataset">The dataset's name.</param>
    public static ConformsToConstraint EachTo(string contractPath, string dataset) => EachTo(Load(contractPath), dataset);

    private static string Describe(Contract contract, string dataset) => $"a record of {contract.Id} {contract.Version} dataset '{dataset}'";

    private static Contract Load(string path)
    {
        // NUnit constraints are synchronous; loading a local file does not block on anything remote.
        var result = ContractLoader.LoadFileAsync(path).GetAwaiter().GetResult();
        return result.Contract ?? throw new InvalidOperationException(
            $"the contract {path} does not load:{Environment.NewLine}{string.Join(Environment.NewLine, result.Diagnostics)}");
    }
}
