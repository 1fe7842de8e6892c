using System.Diagnostics.CodeAnalysis;
using System.Text.Json;

namespace ContractKit.Contracts.Records;

/// <summary>
/// One record read by <see cref="RecordReader"/>: either the record, as a <see cref="JsonElement"/>,
/// or the <see cref="RecordProblem"/> that kept it from being read.
/// </summary>
/// <remarks>
/// <para><b>Lifetime.</b> <see cref="Record"/> is borrowed from the reader: it points into the
/// reader's pooled buffers and stays valid only until the enumeration moves to the next entry or
/// ends. Using it afterwards throws <see cref="ObjectDisposedException"/>. To keep a record, call
/// <see cref="JsonElement.Clone"/> on it. This is what lets the reader parse straight from its
/// buffer: no bytes are copied, the parse metadata is pooled, and only the small
/// <see cref="JsonDocument"/> object is allocated per record.</para>
/// </remarks>
public readonly struct RecordEntry
{
    private readonly JsonElement _record;

    internal RecordEntry(long number, long line, JsonElement record)
    {
        Number = number;
        Line = line;
        _record = record;
    }

    internal RecordEntry(long number, long line, RecordProblem problem)
    {
        Number = number;
        Line = line;
        Problem = problem;
    }

    /// <summary>
    /// The 1-based position of the record in the file: the n-th non-blank NDJSON line, the n-th
    /// element of a JSON array, the n-th CSV row after the header. A problem that stops reading
    /// carries the number of the record being read; a CSV header problem carries 0.
    /// </summary>
    public long Number { get; }

    /// <summary>The 1-based line where the record starts (in every format, JSON arrays included).</summary>
    public long Line { get; }

    /// <summary>Why the record could not be read; null when <see cref="Record"/> holds it.</summary>
    public RecordProblem? Problem { get; }

    /// <summary>True when <see cref="Record"/> holds a record (always a JSON object), false when <see cref="Problem"/> is set.</summary>
    [MemberNotNullWhen(false, nameof(Problem))]
    public bool HasRecord => Problem is null;

    /// <summary>The record, valid until the enumeration moves on (see remarks on <see cref="RecordEntry"/>).</summary>
    /// <exception cref="InvalidOperationException">The entry is a problem, not a record.</exception>
    public JsonElement Record => HasRecord
        ? _record
        : throw new InvalidOperationException($"record {Number} could not be read: {Problem.Message}");

    /// <inheritdoc />
    public override string ToString() => HasRecord ? $"record {Number} (line {Line})" : $"record {Number}: {Problem.Message}";
}
