using System.Collections;
using System.Collections.Immutable;
using System.Text.Json;
using ContractKit.Contracts.Values;
using ContractKit.Mocks.Ledger;
using NUnit.Framework.Constraints;

namespace ContractKit.Mocks.Assertions;

/// <summary>
/// NUnit constraints that hold an ingestion to the simulator's ground truth:
/// <c>Assert.That(sink, Ingestion.KeptEveryValidRecordOnce(ledger, "orders", key))</c> and
/// <c>Assert.That(rejectedKeys, Ingestion.FlaggedEveryViolation(ledger, "orders"))</c>. Failure
/// messages list what was missed, duplicated or wrongly kept.
/// </summary>
public static class Ingestion
{
    /// <summary>The sink (records as JSON, or their keys) holds every valid served record exactly once, and nothing else.</summary>
    /// <param name="ledger">The simulator's ledger.</param>
    /// <param name="dataset">The dataset.</param>
    /// <param name="key">The dataset's key fields, to read keys from JSON records.</param>
    public static Constraint KeptEveryValidRecordOnce(GroundTruthLedger ledger, string dataset, ImmutableArray<FieldPath> key) =>
        new LedgerConstraint($"every valid {dataset} record exactly once", actual =>
        {
            var verification = ledger.VerifySink(dataset, Keys(actual, key));
            return (verification.Satisfied, verification.ToString());
        });

    /// <summary>The keys an ingestion flagged as invalid are exactly the records served with a violation.</summary>
    /// <param name="ledger">The simulator's ledger.</param>
    /// <param name="dataset">The dataset.</param>
    public static Constraint FlaggedEveryViolation(GroundTruthLedger ledger, string dataset) =>
        new LedgerConstraint($"every injected {dataset} violation flagged", actual =>
        {
            var verification = ledger.VerifyFlagged(dataset, Keys(actual, []));
            return (verification.Satisfied, verification.ToString());
        });

    private static IEnumerable<string> Keys(object? actual, ImmutableArray<FieldPath> key) => actual switch
    {
        IEnumerable<string> keys => keys,
        IEnumerable<JsonElement> records => records.Select(r => RecordKeys.Of(r, key)),
        IEnumerable items => items.Cast<object>().Select(i => RecordKeys.Of(JsonSerializer.SerializeToElement(i), key)),
        _ => throw new ArgumentException("expected a collection of records or keys", nameof(actual)),
    };

    // One verification answers both whether the constraint holds and what the failure message says:
    // computing each apart compared the ledger twice and read the actual collection twice.
    private sealed class LedgerConstraint(string description, Func<object?, (bool Satisfied, string Text)> verify) : Constraint
    {
        public override string Description => description;

        public override ConstraintResult ApplyTo<TActual>(TActual actual)
        {
            var (satisfied, text) = verify(actual);
            return new LedgerResult(this, actual, satisfied, text);
        }
    }

    private sealed class LedgerResult(IConstraint constraint, object? actual, bool success, string verification) : ConstraintResult(constraint, actual, success)
    {
        public override void WriteActualValueTo(MessageWriter writer) => writer.Write(verification);
    }
}
