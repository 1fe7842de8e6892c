using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Text.RegularExpressions;
using ContractKit.Contracts.Diagnostics;
using ContractKit.Contracts.Documents;
using ContractKit.Contracts.Model.Quality;
using ContractKit.Contracts.Model.Sources;
using ContractKit.Contracts.Schemas;
using ContractKit.Contracts.Values;

namespace ContractKit.Contracts.Loading;

/// <summary>What a quality check may consult while it is bound.</summary>
/// <param name="Context">The binding context.</param>
/// <param name="Schema">The dataset's schema, when it loaded.</param>
/// <param name="SourceKind">The contract's source kind, when it is known.</param>
internal sealed record QualityScope(BindContext Context, DatasetSchema? Schema, SourceKind? SourceKind)
{
    /// <summary>Parses a field name and checks the schema has it.</summary>
    public FieldPath? Field(DocumentNode? node)
    {
        if (node is null || Context.Object<FieldPath>(node, FieldPath.TryParse, Rules.QualityField) is not { } path)
        {
            return null;
        }

        if (Schema is not null && Schema.FindField(path) is null)
        {
            var closest = Suggestions.Closest(path.ToString(), Schema.Fields.Select(f => f.Path.ToString()));
            Context.Error(Rules.QualityField, node, $"the quality check names '{path}', which is not a property of the dataset schema",
                closest is not null ? $"did you mean '{closest}'?" : "name a property of the schema");
            return null;
        }

        return path;
    }
}

/// <summary>
/// The one place that maps a <c>check:</c> name to its model type. A new quality check is a record
/// in Model/Quality, an entry here and a branch in the format schema's <c>qualityCheck</c>.
/// </summary>
internal static partial class QualityCheckBinders
{
    private delegate QualityCheck? Binder(QualityScope scope, MappingNode check, int index);

    private static readonly FrozenDictionary<string, Binder> Binders = new Dictionary<string, Binder>(StringComparer.Ordinal)
    {
        ["nullRate"] = NullRate,
        ["duplicates"] = Duplicates,
        ["sql"] = Sql,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static QualityCheck? Bind(QualityScope scope, MappingNode check, int index) =>
        scope.Context.Text(check, "check") is { } kind && Binders.TryGetValue(kind, out var binder)
            ? binder(scope, check, index)
            : null;

    private static NullRateCheck? NullRate(QualityScope scope, MappingNode check, int index)
    {
        var field = scope.Field(check["field"]);
        var max = scope.Context.Value<Percentage>(check, "max", Percentage.TryParse, Rules.InvalidPercentage);
        return field is null || max is null ? null : new NullRateCheck(field, max.Value) { Pointer = check.Pointer };
    }

    private static DuplicatesCheck? Duplicates(QualityScope scope, MappingNode check, int index)
    {
        if (BindContext.Sequence(check, "fields") is not { } list || scope.Context.IsBroken(list))
        {
            return null;
        }

        var fields = list.Items.Select(scope.Field).ToList();
        var max = scope.Context.Integer(check, "max") ?? 0;
        return fields.Any(f => f is null) ? null : new DuplicatesCheck([.. fields!], max) { Pointer = check.Pointer };
    }

    private static SqlCheck? Sql(QualityScope scope, MappingNode check, int index)
    {
        var context = scope.Context;
        if (scope.SourceKind is { } kind && kind != SourceKind.Postgres)
        {
            context.Error(Rules.SourceKindMismatch, check, $"sql checks run on postgres sources; this source is {kind.ToString().ToLowerInvariant()}",
                "remove the check, or use nullRate/duplicates");
            return null;
        }

        if (context.Text(check, "query") is not { } query)
        {
            return null;
        }

        if (ReadOnlyProblem(query) is { } problem)
        {
            context.Error(Rules.SqlNotReadOnly, check["query"]!, problem);
            return null;
        }

        var min = context.Number(check, "min");
        var max = context.Number(check, "max");
        if (min is null && max is null)
        {
            context.Error(Rules.MissingKey, check, "the sql check has neither 'min' nor 'max'; it would pass whatever the query returns", "add e.g. max: 0");
            return null;
        }

        if (min > max)
        {
            context.Error(Rules.ThresholdOrder, check["min"]!, $"min {min} is above max {max}; no result can pass", "swap or correct min and max");
            return null;
        }

        return new SqlCheck(context.Text(check, "name") ?? $"quality[{index}]", query, min, max) { Pointer = check.Pointer };
    }

    /// <summary>
    /// Why a query could change data, or null. Probes also run every query in a READ ONLY
    /// transaction; this catches the mistake before it reaches a database.
    /// </summary>
    internal static string? ReadOnlyProblem(string query)
    {
        var code = Literals().Replace(Comments().Replace(query, " "), "''").Trim().TrimEnd(';').Trim();
        if (code.Contains(';', StringComparison.Ordinal))
        {
            return "the query holds more than one statement; a check is one SELECT";
        }

        if (!StartsRead().IsMatch(code))
        {
            return "the query does not start with SELECT or WITH; a check only reads";
        }

        return Writes().Match(code) is { Success: true } write
            ? $"the query contains '{write.Value.ToUpperInvariant()}', which writes or locks; a check only reads"
            : null;
    }

    [GeneratedRegex(@"--[^\n]*|/\*.*?\*/", RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex Comments();

    [GeneratedRegex(@"'(?:[^']|'')*'|""(?:[^""]|"""")*""|\$\$.*?\$\$", RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex Literals();

    [GeneratedRegex(@"^\(*\s*(select|with|values|table)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex StartsRead();

    [GeneratedRegex(@"\b(insert|update|delete|merge|truncate|drop|alter|create|grant|revoke|copy|call|do|vacuum|analyze|lock|into|refresh|reindex|cluster|comment|security|set_config|nextval|setval|pg_terminate_backend|pg_cancel_backend|lo_import|lo_export|dblink\w*)\b|\bfor\s+(update|share|no\s+key\s+update|key\s+share)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Writes();

    internal static ImmutableArray<string> Names => [.. Binders.Keys];
}
