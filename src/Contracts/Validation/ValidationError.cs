namespace ContractKit.Contracts.Validation;

/// <summary>One way a record breaks its schema.</summary>
/// <param name="InstanceLocation">JSON Pointer of the offending value inside the record (<c>/items/0/sku</c>).</param>
/// <param name="Keyword">The schema keyword that failed (<c>required</c>, <c>format</c>…).</param>
/// <param name="SchemaLocation">Where that keyword is in the schema (<c>#/properties/items/items/required</c>).</param>
/// <param name="Message">What is wrong, for people. Values of fields marked <c>x-pii</c> are never quoted.</param>
public sealed record ValidationError(string InstanceLocation, string Keyword, string SchemaLocation, string Message)
{
    /// <inheritdoc />
    public override string ToString() => $"{(InstanceLocation.Length == 0 ? "/" : InstanceLocation)}: {Message} ({Keyword})";
}
