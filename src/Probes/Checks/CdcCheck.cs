using ContractKit.Probes.Results;

namespace ContractKit.Probes.Checks;

/// <summary>The replication slot exists, has a consumer, and its lag stays under the contract's bounds.</summary>
internal sealed class CdcCheck : IProbeCheck
{
    public IEnumerable<CheckResult> Evaluate(CheckContext context)
    {
        if (context.Dataset.Cdc is not { } cdc)
        {
            yield break;
        }

        var id = $"cdc:{cdc.Slot}";
        var expected = cdc.WarnLag is { } warnAt ? $"active, lag warn at {warnAt}, fail at {cdc.MaxLag}" : $"active, lag below {cdc.MaxLag}";
        if (context.Observation.Failure is not null)
        {
            yield return Result.Unavailable(context, id, expected);
            yield break;
        }

        if (context.Observation.ReplicationSlot is not { } observed)
        {
            yield break;
        }

        if (!observed.Succeeded)
        {
            yield return Result.Error(context, id, expected, observed);
            yield break;
        }

        var slot = observed.Value!;
        var (status, message) = !slot.Exists ? (CheckStatus.Fail, $"there is no replication slot named {cdc.Slot}")
            : slot.LagBytes >= cdc.MaxLag.Bytes ? (CheckStatus.Fail, $"the slot is {Bytes(slot.LagBytes)} behind")
            : !slot.Active ? (CheckStatus.Warn, "no consumer is connected to the slot; WAL is retained until one is")
            : cdc.WarnLag is { } warn && slot.LagBytes >= warn.Bytes ? (CheckStatus.Warn, $"the slot is {Bytes(slot.LagBytes)} behind")
            : (CheckStatus.Pass, (string?)null);
        yield return new CheckResult
        {
            CheckId = id,
            Dataset = context.Dataset.Name,
            Status = status,
            Measured = slot.Exists ? $"lag {Bytes(slot.LagBytes)}, {(slot.Active ? "active" : "inactive")}" : "missing",
            Expected = expected,
            Value = Math.Max(0, slot.LagBytes),
            Unit = "By",
            Message = message,
            Duration = observed.Duration,
        };
    }

    private static string Bytes(long bytes) =>
        bytes >= 1 << 20 ? $"{bytes / (double)(1 << 20):0.#} MB" : bytes >= 1 << 10 ? $"{bytes / 1024.0:0.#} kB" : $"{bytes} B";
}
