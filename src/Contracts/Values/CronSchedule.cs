using Cronos;

namespace ContractKit.Contracts.Values;

/// <summary>
/// A five-field cron expression (minute hour day-of-month month day-of-week) in a time zone,
/// evaluated DST-correctly by Cronos.
/// </summary>
public sealed class CronSchedule
{
    private readonly CronExpression _expression;

    private CronSchedule(string text, CronExpression expression, TimeZoneInfo timeZone)
    {
        Text = text;
        _expression = expression;
        TimeZone = timeZone;
    }

    /// <summary>The expression as written.</summary>
    public string Text { get; }

    /// <summary>The zone the fields are read in.</summary>
    public TimeZoneInfo TimeZone { get; }

    /// <summary>Parses a five-field expression.</summary>
    /// <param name="text">The expression.</param>
    /// <param name="timeZone">The zone its fields are read in.</param>
    /// <param name="value">The schedule, when the text is one.</param>
    /// <param name="error">Why the text is not a cron expression.</param>
    public static bool TryParse(string text, TimeZoneInfo timeZone, out CronSchedule? value, out string? error)
    {
        value = null;
        var fields = text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        if (fields != 5)
        {
            error = $"'{text}' has {fields} field{(fields == 1 ? "" : "s")}; a cron expression has five (minute hour day month weekday), e.g. \"*/5 * * * *\"";
            return false;
        }

        try
        {
            value = new CronSchedule(text, CronExpression.Parse(text, CronFormat.Standard), timeZone);
            error = null;
            return true;
        }
        catch (CronFormatException e)
        {
            error = $"'{text}' is not a cron expression: {e.Message.TrimEnd('.')}";
            return false;
        }
    }

    /// <summary>The first occurrence strictly after <paramref name="from"/>, or null when there is none.</summary>
    public DateTimeOffset? NextAfter(DateTimeOffset from) =>
        _expression.GetNextOccurrence(from, TimeZone, inclusive: false);

    /// <inheritdoc />
    public override string ToString() => Text;
}
