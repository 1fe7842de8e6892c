using System.Text.RegularExpressions;
using ContractKit.Contracts.Diagnostics;
using ContractKit.Contracts.Model;

namespace ContractKit.Contracts.Linting.Advice;

/// <summary>
/// Names that usually hold personal data should say whether they do: probes mask PII in
/// evidence, docs flag it, and diff treats dropping the mark as a privacy regression.
/// </summary>
internal sealed partial class PiiUnmarkedRule : ILintRule
{
    public Rule Rule => Rules.PiiUnmarked;

    public IEnumerable<Diagnostic> Check(Contract contract) =>
        from dataset in contract.Datasets
        from field in dataset.Schema.Fields
        where !field.PiiDeclared && PersonalName().IsMatch(field.Path.Name)
        select Diagnostic.Create(Rule, field.Span,
            $"field '{field.Path}' of dataset '{dataset.Name}' looks personal but has no x-pii mark");

    [GeneratedRegex(@"(^|_)(e_?mail|phone|mobile|first_?name|last_?name|full_?name|surname|given_?name|address|street|zip|zip_?code|postcode|postal_?code|ip|ip_?address|ssn|birth_?date|date_?of_?birth|dob|iban|passport|tax_?id)($|_)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PersonalName();
}
