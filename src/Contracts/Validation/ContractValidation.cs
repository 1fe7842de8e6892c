using ContractKit.Contracts.Model;

namespace ContractKit.Contracts.Validation;

/// <summary>Validators straight from a loaded contract.</summary>
public static class ContractValidation
{
    /// <summary>A validator for the records of one dataset of the contract.</summary>
    /// <param name="contract">The contract.</param>
    /// <param name="dataset">The dataset's name.</param>
    /// <param name="options">Reporting options.</param>
    /// <exception cref="ArgumentException">The contract has no such dataset; the message lists the ones it has.</exception>
    public static RecordValidator CreateValidator(this Contract contract, string dataset, ValidationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(contract);
        var found = contract.FindDataset(dataset)
            ?? throw new ArgumentException($"contract '{contract.Id}' has no dataset '{dataset}'; it has: {string.Join(", ", contract.Datasets.Select(d => d.Name))}", nameof(dataset));
        return RecordValidator.For(found.Schema, options);
    }
}
