using System.Collections.Immutable;
using ContractKit.Contracts.Documents;
using ContractKit.Contracts.Schemas;
using ContractKit.Contracts.Values;
using ContractKit.Probes.Sources.Postgres;
using ContractKit.Probes.Sources.Postgres.Internal;

namespace ContractKit.Probes.Tests.Sources.Postgres;

/// <summary>The JSON-Schema ↔ PostgreSQL type mapping, case by case, and its table in the README.</summary>
public class PostgresTypeMappingTests
{
    // (field types, format, base typname, typtype, typcategory, typmod) → fit
    [TestCase(JsonTypes.Boolean, null, "bool", "Match")]
    [TestCase(JsonTypes.Integer, null, "int2", "Match")]
    [TestCase(JsonTypes.Integer, null, "int4", "Match")]
    [TestCase(JsonTypes.Integer, null, "int8", "Match")]
    [TestCase(JsonTypes.Number, null, "int8", "Match")]
    [TestCase(JsonTypes.Number, null, "numeric", "Match")]
    [TestCase(JsonTypes.Number, null, "float8", "Match")]
    [TestCase(JsonTypes.Integer, null, "numeric", "Mismatch")]
    [TestCase(JsonTypes.Integer, null, "float4", "Mismatch")]
    [TestCase(JsonTypes.Integer, null, "text", "Mismatch")]
    [TestCase(JsonTypes.String, null, "int4", "Mismatch")]
    [TestCase(JsonTypes.String | JsonTypes.Integer, null, "int4", "Match")]
    [TestCase(JsonTypes.String | JsonTypes.Null, null, "varchar", "Match")]
    [TestCase(JsonTypes.String, null, "bpchar", "Match")]
    [TestCase(JsonTypes.String, null, "citext", "Match")]
    [TestCase(JsonTypes.String, null, "uuid", "Match")]
    [TestCase(JsonTypes.String, null, "timestamptz", "Match")]
    [TestCase(JsonTypes.String, "uuid", "uuid", "Match")]
    [TestCase(JsonTypes.String, "uuid", "text", "Match")]
    [TestCase(JsonTypes.String, "email", "text", "Match")]
    [TestCase(JsonTypes.String, "email", "uuid", "Mismatch")]
    [TestCase(JsonTypes.String, "date-time", "timestamptz", "Match")]
    [TestCase(JsonTypes.String, "date-time", "timestamp", "Caveat")]
    [TestCase(JsonTypes.String, "date-time", "date", "Mismatch")]
    [TestCase(JsonTypes.String, "date", "date", "Match")]
    [TestCase(JsonTypes.String, "date", "timestamptz", "Mismatch")]
    [TestCase(JsonTypes.String, "time", "timetz", "Match")]
    [TestCase(JsonTypes.String, "time", "time", "Caveat")]
    [TestCase(JsonTypes.String, "duration", "interval", "Caveat")]
    [TestCase(JsonTypes.String, "ipv4", "inet", "Caveat")]
    [TestCase(JsonTypes.String, "ipv6", "inet", "Caveat")]
    [TestCase(JsonTypes.Object, null, "jsonb", "Match")]
    [TestCase(JsonTypes.Array, null, "json", "Match")]
    [TestCase(JsonTypes.String, null, "jsonb", "Mismatch")]
    [TestCase(JsonTypes.String, null, "point", "Caveat")]
    [TestCase(JsonTypes.Any, null, "point", "Match")]
    [TestCase(JsonTypes.None, null, "int4", "Match")]
    public void Base_types(JsonTypes types, string? format, string typeName, string fit)
    {
        var expected = Enum.Parse<TypeFit>(fit);
        var verdict = PostgresTypeMapping.Compare(Field(types, format), Column(typeName));

        Assert.That(verdict.Fit, Is.EqualTo(expected), verdict.Reason);
        Assert.That(verdict.Reason, expected == TypeFit.Match ? Is.Null : Is.Not.Empty);
    }

    [Test]
    public void Numeric_with_scale_zero_holds_integers()
    {
        Assert.That(PostgresTypeMapping.Compare(Field(JsonTypes.Integer), Column("numeric", typmod: (10 << 16) + 0 + 4)).Fit, Is.EqualTo(TypeFit.Match));
        Assert.That(PostgresTypeMapping.Compare(Field(JsonTypes.Integer), Column("numeric", typmod: (12 << 16) + 2 + 4)).Fit, Is.EqualTo(TypeFit.Mismatch));
    }

    [Test]
    public void Arrays_composites_and_enums_are_recognized_by_kind()
    {
        Assert.That(PostgresTypeMapping.Compare(Field(JsonTypes.Array), Column("_text", category: 'A')).Fit, Is.EqualTo(TypeFit.Match));
        Assert.That(PostgresTypeMapping.Compare(Field(JsonTypes.String), Column("_text", category: 'A')).Fit, Is.EqualTo(TypeFit.Mismatch));
        Assert.That(PostgresTypeMapping.Compare(Field(JsonTypes.Object), Column("address", typeType: 'c')).Fit, Is.EqualTo(TypeFit.Match));

        var state = Column("state", typeType: 'e', labels: ["open", "closed"]);
        Assert.That(PostgresTypeMapping.Compare(Field(JsonTypes.String), state).Fit, Is.EqualTo(TypeFit.Match));
        Assert.That(PostgresTypeMapping.Compare(Field(JsonTypes.String, enumValues: ["open", "closed", "archived"]), state).Fit, Is.EqualTo(TypeFit.Match));
        var narrower = PostgresTypeMapping.Compare(Field(JsonTypes.String, enumValues: ["open"]), state);
        Assert.That(narrower.Fit, Is.EqualTo(TypeFit.Mismatch));
        Assert.That(narrower.Reason, Is.EqualTo("the enum type state allows 'closed', which the field's enum does not"));
    }

    [Test]
    public void The_readme_lists_every_mapped_type()
    {
        var readme = File.ReadAllText(Path.Combine(TestRepository.Root, "README.md"));
        var section = readme[readme.IndexOf("### PostgreSQL sources", StringComparison.Ordinal)..];
        var missing = PostgresTypeMapping.ByTypeName.Keys.Where(name => !section.Contains($"`{name}`", StringComparison.Ordinal));
        Assert.That(missing, Is.Empty);
    }

    private static SchemaField Field(JsonTypes types, string? format = null, string[]? enumValues = null) =>
        new(FieldPath.Parse("f"), types, format, Required: true, Pii: false, PiiDeclared: false, Description: null,
            enumValues is null ? [] : [.. enumValues], new SourceSpan("contract.yaml", default, default));

    private static ColumnFacts Column(string typeName, char typeType = 'b', char category = 'S', int typmod = -1, string[]? labels = null) =>
        new("c", typeName, typeName, typeType, category, NotNull: true, typmod, labels is null ? ImmutableArray<string>.Empty : [.. labels]);
}
