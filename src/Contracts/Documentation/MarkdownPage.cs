using System.Text;

namespace ContractKit.Contracts.Documentation;

/// <summary>Prints a <see cref="ContractPage"/> as Markdown.</summary>
internal static class MarkdownPage
{
    public static string Render(ContractPage page)
    {
        var contract = page.Contract;
        using var md = new StringWriter(new StringBuilder()) { NewLine = "\n" };
        md.WriteLine($"# {Markdown.Escape(contract.Title)}");
        md.WriteLine();
        if (page.Banner is { } banner)
        {
            md.WriteLine($"> **{Markdown.Escape(banner)}**");
            md.WriteLine();
        }

        md.WriteLine($"`{contract.Id}` · version {contract.Version} · status {contract.Status.ToString().ToLowerInvariant()}");
        md.WriteLine();
        if (contract.Description is { } description)
        {
            md.WriteLine(Markdown.Escape(description));
            md.WriteLine();
        }

        md.WriteLine("## Owner and consumers");
        md.WriteLine();
        md.WriteLine($"- Owner: {Markdown.Escape(page.Owner)}");
        foreach (var consumer in contract.Consumers)
        {
            md.WriteLine($"- Consumer: {Markdown.Escape(consumer.Team)}{(consumer.Purpose is null ? "" : " — " + Markdown.Escape(consumer.Purpose))}");
        }

        md.WriteLine();
        md.WriteLine("## Compatibility");
        md.WriteLine();
        md.WriteLine(Markdown.Escape(page.Compatibility));
        md.WriteLine();
        md.WriteLine("## Datasets");
        md.WriteLine();
        md.WriteLine(Markdown.Escape(page.Source));
        md.WriteLine();
        foreach (var dataset in page.Datasets)
        {
            WriteDataset(md, dataset);
        }

        if (!page.ServiceLevels.IsEmpty)
        {
            md.WriteLine("## Service levels");
            md.WriteLine();
            foreach (var sentence in page.ServiceLevels)
            {
                md.WriteLine($"- {Markdown.Escape(sentence)}");
            }

            md.WriteLine();
        }

        md.WriteLine("## Changelog");
        md.WriteLine();
        if (page.Changelog.IsEmpty)
        {
            md.WriteLine($"No earlier version: {contract.Version} is the first.");
            md.WriteLine();
        }

        foreach (var entry in page.Changelog)
        {
            MarkdownChanges.Write(md, entry.Diff, entry.Verdict, "###");
        }

        return md.ToString();
    }

    private static void WriteDataset(TextWriter md, DatasetSection dataset)
    {
        md.WriteLine($"### {Markdown.Escape(dataset.Name)}");
        md.WriteLine();
        if (dataset.Description is { } description)
        {
            md.WriteLine(Markdown.Escape(description));
            md.WriteLine();
        }

        md.WriteLine($"Where: {Markdown.Escape(dataset.Location)}.");
        md.WriteLine();
        md.WriteLine("| field | type | required | constraints | PII | description | example |");
        md.WriteLine("|---|---|---|---|---|---|---|");
        foreach (var field in dataset.Fields)
        {
            md.WriteLine($"| `{field.Name}` | {Markdown.Cell(field.Type)} | {(field.Required ? "yes" : "no")} | {Markdown.Cell(field.Constraints)} | {field.Pii} | {Markdown.Cell(field.Description)} | {Markdown.Cell(field.Example)} |");
        }

        md.WriteLine();
        foreach (var promise in dataset.Promises)
        {
            md.WriteLine($"- {Markdown.Escape(promise)}");
        }

        if (!dataset.Quality.IsEmpty)
        {
            md.WriteLine();
            md.WriteLine("Quality rules:");
            md.WriteLine();
            foreach (var rule in dataset.Quality)
            {
                md.WriteLine($"- {Markdown.Escape(rule)}");
            }
        }

        md.WriteLine();
    }
}
