using System.Collections.Immutable;
using ContractKit.Contracts.Diagnostics;
using ContractKit.Contracts.Documents;
using ContractKit.Contracts.Model;
using ContractKit.Contracts.Model.Datasets;
using ContractKit.Contracts.Model.Simulation;
using ContractKit.Contracts.Schemas;
using ContractKit.Contracts.Values;

namespace ContractKit.Contracts.Loading;

/// <summary>Binds the top level of a contract and hands each section to its binder.</summary>
internal static class ContractBinder
{
    public static async Task<Contract?> BindAsync(BindContext context, CancellationToken cancellationToken)
    {
        if (context.Document.Root is not MappingNode root)
        {
            return null;
        }

        var id = context.Value<ContractId>(root, "id", ContractId.TryParse, Rules.InvalidValue);
        var version = context.Object<SemVersion>(root, "version", SemVersion.TryParse, Rules.InvalidVersion);
        var status = context.Enum<ContractStatus>(root, "status");
        var title = context.Text(root, "title");
        var owner = BindContext.Mapping(root, "owner") is { } ownerBlock && context.Text(ownerBlock, "team") is { } team
            ? new Owner(team, context.Text(ownerBlock, "contact"), context.Text(ownerBlock, "email"))
            : null;
        var consumers = BindContext.Sequence(root, "consumers")?.Items.OfType<MappingNode>()
            .Select(c => context.Text(c, "team") is { } t ? new Consumer(t, context.Text(c, "purpose")) : null)
            .ToList() ?? [];
        var compatibility = Compatibility(context.Text(root, "compatibility"));

        var sourceBlock = BindContext.Mapping(root, "source");
        var sourceKind = SourceBinder.Kind(context, sourceBlock);
        var source = SourceBinder.Bind(context, sourceBlock);

        var schemas = new DatasetSchemaLoader(context.Document, context.Diagnostics);
        var datasets = new List<Dataset?>();
        foreach (var datasetNode in BindContext.Sequence(root, "datasets")?.Items ?? [])
        {
            datasets.Add(datasetNode is MappingNode dataset
                ? await DatasetBinder.BindAsync(context, dataset, sourceKind, schemas, cancellationToken).ConfigureAwait(false)
                : null);
        }

        CheckDuplicateNames(context, root);
        var sla = BindContext.Mapping(root, "sla") is { } slaBlock ? ServiceLevelBinder.Bind(context, slaBlock) : null;
        var probe = BindContext.Mapping(root, "probe") is { } probeBlock ? ProbeBinder.Bind(context, probeBlock) : null;
        var simulation = BindContext.Mapping(root, "simulation") is { } simulationBlock ? SimulationBinder.Bind(context, simulationBlock) : null;
        CheckSimulationAgainstDatasets(context, simulation, datasets);

        if (id is null || version is null || status is null || title is null || owner is null || compatibility is null ||
            source is null || datasets.Count == 0 || datasets.Any(d => d is null) || consumers.Any(c => c is null) ||
            (root["sla"] is not null && sla is null) || (root["probe"] is not null && probe is null) ||
            (root["simulation"] is not null && simulation is null))
        {
            return null;
        }

        return new Contract
        {
            Id = id.Value,
            Version = version,
            Status = status.Value,
            Title = title,
            Description = context.Text(root, "description"),
            Owner = owner,
            Consumers = [.. consumers!],
            Compatibility = compatibility,
            Source = source,
            Datasets = [.. datasets!],
            Sla = sla,
            Probe = probe,
            Simulation = simulation,
            Document = context.Document,
        };
    }

    private static CompatibilityMode? Compatibility(string? text) => text switch
    {
        null => CompatibilityMode.Default,
        _ when Enum.TryParse<CompatibilityDirection>(text.Replace("_transitive", "", StringComparison.Ordinal), ignoreCase: true, out var direction) =>
            new CompatibilityMode(direction, text.EndsWith("_transitive", StringComparison.Ordinal)),
        _ => null,
    };

    private static void CheckDuplicateNames(BindContext context, MappingNode root)
    {
        var seen = new Dictionary<string, DocumentNode>(StringComparer.Ordinal);
        foreach (var dataset in BindContext.Sequence(root, "datasets")?.Items.OfType<MappingNode>() ?? [])
        {
            if (dataset["name"] is not ScalarNode name || context.IsBroken(name))
            {
                continue;
            }

            if (seen.TryGetValue(name.Text, out var first))
            {
                context.Error(Rules.DuplicateDataset, name, $"a dataset named '{name.Text}' is already declared at line {first.Span.Start.Line}",
                    Rules.DuplicateDataset.Hint);
            }
            else
            {
                seen[name.Text] = name;
            }
        }
    }

    /// <summary>Injected violations need something in the schema to violate.</summary>
    private static void CheckSimulationAgainstDatasets(BindContext context, SimulationSettings? simulation, List<Dataset?> datasets)
    {
        if (simulation is null || datasets.Any(d => d is null))
        {
            return;
        }

        foreach (var (name, profile) in simulation.Profiles)
        {
            foreach (var kind in profile.Violations?.Kinds ?? [])
            {
                var possible = kind switch
                {
                    ViolationKind.UnknownEnum => datasets.Any(d => d!.Schema.Fields.Any(f => !f.EnumValues.IsEmpty)),
                    ViolationKind.MissingRequired or ViolationKind.NullInRequired => datasets.Any(d => d!.Schema.Fields.Any(f => f.Required)),
                    ViolationKind.BadFormat => datasets.Any(d => d!.Schema.Fields.Any(f => f.Format is not null)),
                    ViolationKind.EventTimeSkew => datasets.Any(d => d!.EventTime is not null),
                    _ => true,
                };
                if (!possible)
                {
                    var node = context.Document.Find($"/simulation/profiles/{name}/violations/kinds") ?? context.Document.Root;
                    context.Error(Rules.InvalidValue, node,
                        $"profile '{name}' injects {JsonNamingPolicyCamel(kind)}, but no dataset schema has anything it could break",
                        "remove the kind or extend the schema");
                }
            }
        }
    }

    private static string JsonNamingPolicyCamel(ViolationKind kind) =>
        System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(kind.ToString());

    internal static ImmutableArray<string> SchemaFieldNames(DatasetSchema schema) => [.. schema.Fields.Select(f => f.Path.ToString())];
}
