using System.Buffers;
using System.Text.Json;
using ContractKit.Contracts.Values;

namespace ContractKit.Mocks.Http;

/// <summary>
/// Writes a page body with the records and the next cursor where the contract says they are
/// (<c>$.data</c>, <c>$.meta.next</c>…). Records are already serialized: a page is their bytes
/// joined, so serving a page costs no serialization.
/// </summary>
internal sealed class PageBody
{
    private readonly Node _root = new();

    private sealed class Node
    {
        public List<(string Name, Node Child)> Children { get; } = [];

        public bool Records { get; set; }

        public bool Next { get; set; }
    }

    public PageBody(JsonPath records, JsonPath? next)
    {
        if (next is not null && (IsPrefix(Names(records), Names(next)) || IsPrefix(Names(next), Names(records))))
        {
            throw new NotSupportedException($"the records ({records}) and the next cursor ({next}) cannot sit one inside the other");
        }

        Place(records).Records = true;
        if (next is not null)
        {
            Place(next).Next = true;
        }
    }

    private Node Place(JsonPath path)
    {
        var node = _root;
        foreach (var name in Names(path))
        {
            var existing = node.Children.FirstOrDefault(c => c.Name == name).Child;
            if (existing is null)
            {
                existing = new Node();
                node.Children.Add((name, existing));
            }

            node = existing;
        }

        return node;
    }

    private static bool IsPrefix(string[] prefix, string[] path) => prefix.Length <= path.Length && path.Take(prefix.Length).SequenceEqual(prefix);

    private static string[] Names(JsonPath path) =>
        path.Steps.All(s => s is string)
            ? [.. path.Steps.Cast<string>()]
            : throw new NotSupportedException($"the simulator places records and cursors by property names; '{path}' has an array index");

    public byte[] Write(IReadOnlyList<byte[]> records, string? next)
    {
        var buffer = new ArrayBufferWriter<byte>(64 + records.Sum(r => r.Length + 1));
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { SkipValidation = true }))
        {
            Write(json, _root, records, next);
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static void Write(Utf8JsonWriter json, Node node, IReadOnlyList<byte[]> records, string? next)
    {
        if (node.Records)
        {
            json.WriteStartArray();
            foreach (var record in records)
            {
                json.WriteRawValue(record, skipInputValidation: true);
            }

            json.WriteEndArray();
            return;
        }

        if (node.Next)
        {
            if (next is null)
            {
                json.WriteNullValue();
            }
            else
            {
                json.WriteStringValue(next);
            }

            return;
        }

        json.WriteStartObject();
        foreach (var (name, child) in node.Children)
        {
            json.WritePropertyName(name);
            Write(json, child, records, next);
        }

        json.WriteEndObject();
    }
}
