using ContractKit.Contracts.Loading;

namespace ContractKit.Contracts.Tests.Loading;

public class LoaderRegressionTests
{
    [Test]
    public async Task Schema_property_names_a_contract_could_not_name_still_load()
    {
        // Found by the init --from-sample tests: these names made FieldPath.Parse throw inside the loader.
        var text = """
            apiVersion: contractkit/v1
            id: odd-names
            version: 1.0.0
            status: draft
            title: Odd names
            owner: { team: data }
            source: { kind: files }
            datasets:
              - name: things
                files: { path: "*.jsonl", format: jsonl }
                schema:
                  type: object
                  required: [id]
                  properties:
                    id: { type: string }
                    "": { type: string }
                    " padded ": { type: string }
                    "a.": { type: object, properties: { "": { type: integer } } }
                key: [id]
            """;

        var result = await ContractLoader.LoadTextAsync(text, "odd.yaml", "/tmp/odd.yaml");

        Assert.That(result.Diagnostics.Where(d => d.IsError), Is.Empty);
        Assert.That(result.Contract!.Datasets[0].Schema.Fields.Select(f => f.Path.Segments.Length), Does.Contain(2));
    }
}
