using System.Globalization;
using System.Text.Json;
using ContractKit.Contracts.Loading;
using ContractKit.Contracts.Model;

namespace ContractKit.Probes.Tests.Support;

/// <summary>A clock that stays where the test puts it.</summary>
internal sealed class FixedTime(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}

/// <summary>A file-drop contract and its folder, written per test.</summary>
internal sealed class ClickDrop : IDisposable
{
    public static readonly DateTimeOffset Now = new(2026, 11, 27, 12, 0, 0, TimeSpan.Zero);

    private readonly TempFolder _folder = new();

    public string Folder => _folder.Path;

    public string ContractPath => Path.Combine(Folder, "clicks.yaml");

    public ClickDrop(string extraDataset = "", string freshnessFrom = "eventTime")
    {
        _folder.Write("clicks.yaml", $$"""
            apiVersion: contractkit/v1
            id: click-drop
            version: 1.0.0
            status: active
            title: Click drop
            owner: { team: web }
            source: { kind: files, root: drops }
            datasets:
              - name: clicks
                files: { path: "clicks/*.jsonl", format: jsonl, freshnessFrom: {{freshnessFrom}} }
                schema:
                  type: object
                  required: [event_id, occurred_at, kind]
                  additionalProperties: false
                  properties:
                    event_id: { type: string }
                    occurred_at: { type: string, format: date-time }
                    kind: { type: string, enum: [view, click] }
                    email: { type: [string, "null"], format: email, x-pii: true }
                key: [event_id]
                eventTime: occurred_at
                freshness: { warn: 15m, fail: 1h }
                volume: { per: 1h, min: 3 }
                quality:
                  - { check: nullRate, field: email, max: 50% }
                  - { check: duplicates, fields: [event_id], max: 0 }
            {{extraDataset}}
            """);
        Directory.CreateDirectory(Path.Combine(Folder, "drops", "clicks"));
    }

    public static string Record(string id, TimeSpan ago, string kind = "view", string? email = "a@example.com") =>
        JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["event_id"] = id,
            ["occurred_at"] = (Now - ago).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            ["kind"] = kind,
            ["email"] = email,
        });

    public string Drop(string name, params string[] lines) => _folder.Write(Path.Combine("drops", "clicks", name), string.Join("\n", lines) + "\n");

    public async Task<Contract> LoadAsync()
    {
        var result = await ContractLoader.LoadFileAsync(ContractPath);
        Assert.That(result.Diagnostics.Where(d => d.IsError), Is.Empty, string.Join("\n", result.Diagnostics));
        return result.Contract!;
    }

    public void Dispose() => _folder.Dispose();
}
