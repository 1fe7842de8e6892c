using System.Buffers;
using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Nodes;
using ContractKit.Contracts.Model.Datasets;
using ContractKit.Contracts.Schemas;
using ContractKit.Contracts.Validation;
using ContractKit.Contracts.Values;
using ContractKit.Mocks.Generation.Compilation;
using ContractKit.Mocks.Generation.Nodes;

namespace ContractKit.Mocks.Generation;

/// <summary>
/// Writes records that satisfy a dataset's schema, each one determined by its seed alone: the same
/// seed (and overrides) gives byte-identical JSON on every run and machine. The schema is inlined and
/// compiled once into generators for every constraint contracts allow — types and unions, required and
/// optional properties, enum, const, pattern, format, numeric and length bounds, arrays (prefixItems,
/// items, contains, uniqueItems), nested objects, additionalProperties, allOf, anyOf, oneOf,
/// if/then/else, dependentRequired and dependentSchemas — and samples are checked against the
/// product's <see cref="RecordValidator"/> before the generator is handed out. Thread-safe.
/// </summary>
/// <remarks>
/// Realism: optional properties are present in about 80% of records (more for fields under a
/// <c>nullRate</c> promise, which the generator keeps with a margin), nullable values are null in about
/// 10%, arrays have their minimum to three more items, numbers without bounds fall in [0, 1000] (two
/// decimals unless integer or multipleOf says otherwise), date-times in 2024–2025.
/// </remarks>
public sealed class RecordGenerator
{
    private const int VerificationRecords = 300;

    private readonly Node _root;

    private RecordGenerator(DatasetSchema schema, FieldPath? eventTime, ImmutableArray<FieldPath> key, IReadOnlyDictionary<string, double>? nullBudgets = null)
    {
        Schema = schema;
        EventTimeField = eventTime;
        KeyFields = key;

        var overrides = new Dictionary<string, OverrideKind>(StringComparer.Ordinal);
        foreach (var field in key)
        {
            overrides[field.ToRecordPointer()] = OverrideKind.Key;
        }

        if (eventTime is not null)
        {
            overrides[eventTime.ToRecordPointer()] = OverrideKind.EventTime;
        }

        var compiler = new NodeCompiler(overrides, nullBudgets ?? new Dictionary<string, double>());
        try
        {
            _root = compiler.Compile([new Source(schema.Inline(), "#")], "");
        }
        catch (InfeasibleException e)
        {
            throw new GenerationException(e.Location, e.Message);
        }

        foreach (var (pointer, kind) in overrides.Where(o => !compiler.Reached.Contains(o.Key)))
        {
            throw new GenerationException("#", $"the {(kind == OverrideKind.Key ? "key" : "event-time")} field at {pointer} is not a property every record can have");
        }

        Verify();
    }

    /// <summary>The schema records satisfy.</summary>
    public DatasetSchema Schema { get; }

    /// <summary>The field <see cref="RecordOverrides.EventTime"/> sets, if any.</summary>
    public FieldPath? EventTimeField { get; }

    /// <summary>The fields <see cref="RecordOverrides.KeySequence"/> sets.</summary>
    public ImmutableArray<FieldPath> KeyFields { get; }

    /// <summary>A generator for a dataset's records, with its key and event-time fields.</summary>
    /// <exception cref="GenerationException">The schema has a constraint the generator cannot honour.</exception>
    public static RecordGenerator For(Dataset dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);

        // A simulated source keeps its own quality promises: a field promised to be at most M%
        // null is left out or null at most half as often.
        var budgets = dataset.Quality.OfType<Contracts.Model.Quality.NullRateCheck>()
            .GroupBy(c => c.Field.ToRecordPointer())
            .ToDictionary(g => g.Key, g => g.Min(c => c.Max.Fraction) / 2, StringComparer.Ordinal);
        return new RecordGenerator(dataset.Schema, dataset.EventTime, dataset.Key, budgets);
    }

    /// <summary>A generator for records of <paramref name="schema"/>.</summary>
    /// <param name="schema">The schema.</param>
    /// <param name="eventTime">The field overrides set the event time of (a date-time string), if any.</param>
    /// <param name="key">The fields overrides give unique values (uuid, integer or string), if any.</param>
    /// <exception cref="GenerationException">The schema has a constraint the generator cannot honour.</exception>
    public static RecordGenerator For(DatasetSchema schema, FieldPath? eventTime = null, IEnumerable<FieldPath>? key = null)
    {
        ArgumentNullException.ThrowIfNull(schema);
        return new RecordGenerator(schema, eventTime, [.. key ?? []]);
    }

    /// <summary>Writes one record.</summary>
    /// <param name="writer">Where the record goes, as one JSON value.</param>
    /// <param name="recordSeed">Everything not overridden follows from it.</param>
    /// <param name="overrides">Values the caller decides: event time, key sequence.</param>
    /// <exception cref="ArgumentOutOfRangeException">The key sequence is negative, or beyond the values a key field allows.</exception>
    public void Write(Utf8JsonWriter writer, ulong recordSeed, RecordOverrides? overrides = null)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (overrides?.KeySequence is < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(overrides), overrides.KeySequence, "the key sequence must not be negative");
        }

        var rng = new Prng(recordSeed);
        _root.Write(writer, ref rng, new WriteContext(overrides));
    }

    /// <summary>One record as a mutable JSON object (slower than <see cref="Write"/>: for tests and violations).</summary>
    /// <inheritdoc cref="Write" path="/param"/>
    public JsonObject Generate(ulong recordSeed, RecordOverrides? overrides = null)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Write(writer, recordSeed, overrides);
        }

        return JsonNode.Parse(buffer.WrittenSpan) as JsonObject
            ?? throw new InvalidOperationException("the dataset schema describes records that are not JSON objects");
    }

    // Samples, with and without overrides, must all pass the product's validator on the original schema.
    private void Verify()
    {
        var validator = RecordValidator.For(Schema);
        var buffer = new ArrayBufferWriter<byte>(1024);
        using var writer = new Utf8JsonWriter(buffer);
        for (var i = 0; i < VerificationRecords; i++)
        {
            buffer.ResetWrittenCount();
            writer.Reset(buffer);
            var overrides = i % 2 == 0 ? null : new RecordOverrides
            {
                EventTime = new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero).AddMinutes(i * 7.5),
                KeySequence = i,
            };
            Write(writer, Prng.Mix((ulong)i + 0x5EED), overrides);
            writer.Flush();
            using var record = JsonDocument.Parse(buffer.WrittenMemory);
            var result = validator.Validate(record.RootElement);
            if (!result.IsValid)
            {
                var error = result.Errors[0];
                throw new GenerationException(error.SchemaLocation,
                    $"the generator does not honour this schema: a sample record breaks '{error.Keyword}' at {(error.InstanceLocation.Length == 0 ? "/" : error.InstanceLocation)} ({error.Message})");
            }
        }
    }
}
