using System.Globalization;
using ContractKit.Contracts.Model.Datasets;
using ContractKit.Mocks.Feeds;

namespace ContractKit.Mocks.Files;

/// <summary>
/// Writes a file dataset's feed as a drop: each time the clock moves, the records that became
/// visible go into a new NDJSON file named after their first sequence number, stamped with the
/// simulated time (for freshness measured by modification time).
/// </summary>
internal sealed class FileDropWriter
{
    private readonly Lock _lock = new();
    private readonly DatasetFeed _feed;
    private readonly string _folder;
    private readonly string _extension;
    private int _written;

    public FileDropWriter(FilesLocation location, DatasetFeed feed, string root)
    {
        if (location.Format != FileFormat.Jsonl)
        {
            throw new NotSupportedException($"the file-drop simulator writes jsonl; this dataset's drops are {location.Format.ToString().ToLowerInvariant()}");
        }

        // The folder is the glob's part before its first wildcard; the name keeps its extension.
        var parts = location.Glob.Replace('\\', '/').Split('/');
        var fixedParts = parts.TakeWhile(p => !p.Contains('*', StringComparison.Ordinal) && !p.Contains('?', StringComparison.Ordinal)).ToList();
        if (fixedParts.Count != parts.Length - 1)
        {
            throw new NotSupportedException($"the file-drop simulator writes into one folder; '{location.Glob}' has wildcards in its folders");
        }

        _folder = Path.Combine([root, .. fixedParts]);
        _extension = Path.GetExtension(parts[^1]) is { Length: > 0 } extension && !extension.Contains('*', StringComparison.Ordinal) ? extension : ".jsonl";
        _feed = feed;
        Directory.CreateDirectory(_folder);
    }

    public void Flush(DateTimeOffset now)
    {
        lock (_lock)
        {
            _feed.CatchUp(now);
            var entries = _feed.Slice(_written, int.MaxValue);
            if (entries.Count == 0)
            {
                return;
            }

            var path = Path.Combine(_folder, $"part-{_written.ToString("D8", CultureInfo.InvariantCulture)}{_extension}");
            using (var file = File.Create(path))
            {
                foreach (var entry in entries)
                {
                    file.Write(entry.Json);
                    file.WriteByte((byte)'\n');
                }
            }

            File.SetLastWriteTimeUtc(path, now.UtcDateTime);
            _written += entries.Count;
        }
    }
}
