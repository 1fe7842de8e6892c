using System.Buffers;
using System.Text.Json;

namespace ContractKit.Mocks.Generation.Nodes;

/// <summary>Writes one JSON value of a compiled schema, drawing every choice from the record's <see cref="Prng"/>.</summary>
internal abstract class Node
{
    public abstract void Write(Utf8JsonWriter writer, ref Prng rng, WriteContext context);
}

/// <summary>What one record's generation shares: the caller's overrides and spare buffers for values written on trial.</summary>
internal sealed class WriteContext(RecordOverrides? overrides)
{
    private Stack<Scratch>? _spare; // most records never need one

    public RecordOverrides? Overrides { get; } = overrides;

    public Scratch Rent() => _spare is { Count: > 0 } ? _spare.Pop() : new Scratch();

    public void Return(Scratch scratch)
    {
        scratch.Reset();
        (_spare ??= new Stack<Scratch>()).Push(scratch);
    }
}

/// <summary>A buffer and a writer for a value that is checked before it joins the record.</summary>
internal sealed class Scratch
{
    private readonly ArrayBufferWriter<byte> _buffer = new(256);

    public Scratch() => Writer = new Utf8JsonWriter(_buffer, new JsonWriterOptions { SkipValidation = true });

    public Utf8JsonWriter Writer { get; }

    public ReadOnlyMemory<byte> Written
    {
        get
        {
            Writer.Flush();
            return _buffer.WrittenMemory;
        }
    }

    public void Reset()
    {
        Writer.Reset(_buffer);
        _buffer.ResetWrittenCount();
    }
}

/// <summary>One of a fixed set of values (enum, const, booleans, null), written as pre-encoded JSON.</summary>
internal sealed class ConstantNode(IReadOnlyList<byte[]> values) : Node
{
    public IReadOnlyList<byte[]> Values { get; } = values;

    public override void Write(Utf8JsonWriter writer, ref Prng rng, WriteContext context) =>
        writer.WriteRawValue(Values.Count == 1 ? Values[0] : Values[rng.Next(Values.Count)], skipInputValidation: true);
}

/// <summary>One of several generators, by weight: the types of a union, the branches of anyOf/oneOf/if.</summary>
internal sealed class ChoiceNode : Node
{
    private readonly Node[] _options;
    private readonly double[] _cumulative;

    public ChoiceNode(IReadOnlyList<(Node Node, double Weight)> options)
    {
        _options = [.. options.Select(o => o.Node)];
        _cumulative = new double[options.Count];
        var total = options.Sum(o => o.Weight);
        var sum = 0.0;
        for (var i = 0; i < options.Count; i++)
        {
            sum += options[i].Weight / total;
            _cumulative[i] = sum;
        }
    }

    public IReadOnlyList<Node> Options => _options;

    public override void Write(Utf8JsonWriter writer, ref Prng rng, WriteContext context)
    {
        var draw = rng.NextDouble();
        var i = 0;
        while (i < _cumulative.Length - 1 && draw >= _cumulative[i])
        {
            i++;
        }

        _options[i].Write(writer, ref rng, context);
    }
}
