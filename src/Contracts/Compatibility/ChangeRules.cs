using System.Collections.Immutable;

namespace ContractKit.Contracts.Compatibility;

/// <summary>
/// Every change rule diff knows, in one place: the README's rule table and
/// <c>contractkit diff --list-rules</c> print this list, and the table-driven tests cover each.
/// </summary>
/// <remarks>
/// The schema rules follow the difference types of Confluent Schema Registry's JSON Schema
/// compatibility checker (json-schema-provider, <c>io.confluent.kafka.schemaregistry.json.diff</c>,
/// <c>SchemaDiff.COMPATIBLE_CHANGES</c>), named in brackets. Confluent lists the changes that keep
/// BACKWARD compatibility and checks FORWARD by comparing the versions the other way round; here
/// each rule says in which direction the accepted records move (<see cref="ChangeKind"/>), which
/// gives all three modes at once.
/// </remarks>
public static class ChangeRules
{
    private static ChangeRule Schema(string id, ChangeKind kind, string summary, bool alwaysFlagged = false) =>
        new(id, kind, ChangeArea.Schema, summary, alwaysFlagged);

    private static ChangeRule Contract(string id, ChangeKind kind, string summary) =>
        new(id, kind, ChangeArea.Contract, summary);

    // ---- Schema: content models and properties -------------------------------------------------

    /// <summary>[PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL] Old records may already carry the name with another type.</summary>
    public static readonly ChangeRule PropertyAddedToOpenModel = Schema("property-added-open-model", ChangeKind.Narrows,
        "A property was declared in an open object (additionalProperties absent or true): old records may hold it with another type.");

    /// <summary>[PROPERTY_WITH_EMPTY_SCHEMA_ADDED_TO_OPEN_CONTENT_MODEL] A property that accepts anything.</summary>
    public static readonly ChangeRule PropertyWithAnySchemaAdded = Schema("property-any-added-open-model", ChangeKind.Neutral,
        "A property with an empty schema ({} or true) was declared in an open object: nothing changes.");

    /// <summary>[OPTIONAL_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL] Old consumers reject the new property.</summary>
    public static readonly ChangeRule OptionalPropertyAddedToClosedModel = Schema("optional-property-added-closed-model", ChangeKind.Widens,
        "An optional property was added to a closed object (additionalProperties: false): consumers on the old version reject records that have it.");

    /// <summary>[REQUIRED_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL] Old records lack it; old consumers reject it.</summary>
    public static readonly ChangeRule RequiredPropertyAddedToClosedModel = Schema("required-property-added-closed-model", ChangeKind.Alters,
        "A required property without a default was added to a closed object: old records lack it and old consumers reject it.");

    /// <summary>[REQUIRED_PROPERTY_WITH_DEFAULT_ADDED_TO_UNOPEN_CONTENT_MODEL] Readers fill the default into old records.</summary>
    public static readonly ChangeRule RequiredPropertyWithDefaultAddedToClosedModel = Schema("required-property-with-default-added-closed-model", ChangeKind.Widens,
        "A required property with a default was added to a closed object: new readers fill the default, old consumers reject the property.");

    /// <summary>[PROPERTY_ADDED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL] Compared with additionalProperties' schema.</summary>
    public static readonly ChangeRule PropertyAddedToPartiallyOpenModel = Schema("property-added-partially-open-model", ChangeKind.Neutral,
        "A property was declared in an object whose additionalProperties is a schema; the property's schema is compared with it.");

    /// <summary>[PROPERTY_REMOVED_FROM_OPEN_CONTENT_MODEL] Any value is accepted now.</summary>
    public static readonly ChangeRule PropertyRemovedFromOpenModel = Schema("property-removed-open-model", ChangeKind.Widens,
        "A property was removed from an open object: it may now hold any value.");

    /// <summary>[PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL] Old records that carry it are rejected.</summary>
    public static readonly ChangeRule PropertyRemovedFromClosedModel = Schema("property-removed-closed-model", ChangeKind.Narrows,
        "An optional property was removed from a closed object: old records that carry it are rejected.");

    /// <summary>[PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL + REQUIRED_ATTRIBUTE_REMOVED] Both sides break.</summary>
    public static readonly ChangeRule RequiredPropertyRemovedFromClosedModel = Schema("required-property-removed-closed-model", ChangeKind.Alters,
        "A required property was removed from a closed object: old records are rejected and old consumers miss it.");

    /// <summary>[PROPERTY_REMOVED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL] Compared with additionalProperties' schema.</summary>
    public static readonly ChangeRule PropertyRemovedFromPartiallyOpenModel = Schema("property-removed-partially-open-model", ChangeKind.Neutral,
        "A property was removed from an object whose additionalProperties is a schema; its schema is compared with that one.");

    /// <summary>[REQUIRED_ATTRIBUTE_ADDED] Old records may lack it.</summary>
    public static readonly ChangeRule PropertyMadeRequired = Schema("property-made-required", ChangeKind.Narrows,
        "An existing property became required: old records may lack it.");

    /// <summary>[REQUIRED_ATTRIBUTE_WITH_DEFAULT_ADDED] Readers fill the default.</summary>
    public static readonly ChangeRule PropertyMadeRequiredWithDefault = Schema("property-made-required-with-default", ChangeKind.Neutral,
        "An existing property with a default became required: readers fill the default into old records.");

    /// <summary>[REQUIRED_ATTRIBUTE_REMOVED] Old consumers may rely on it being there.</summary>
    public static readonly ChangeRule PropertyMadeOptional = Schema("property-made-optional", ChangeKind.Widens,
        "A required property became optional: consumers on the old version may rely on it being there.");

    /// <summary>[ADDITIONAL_PROPERTIES_ADDED] A closed object was opened.</summary>
    public static readonly ChangeRule AdditionalPropertiesAllowed = Schema("additional-properties-allowed", ChangeKind.Widens,
        "A closed object was opened (additionalProperties: false removed or set to true).");

    /// <summary>[ADDITIONAL_PROPERTIES_REMOVED] An open object was closed.</summary>
    public static readonly ChangeRule AdditionalPropertiesForbidden = Schema("additional-properties-forbidden", ChangeKind.Narrows,
        "An open object was closed (additionalProperties: false).");

    /// <summary>[ADDITIONAL_PROPERTIES_NARROWED] Undeclared properties now need to match a schema, or are forbidden.</summary>
    public static readonly ChangeRule AdditionalPropertiesNarrowed = Schema("additional-properties-narrowed", ChangeKind.Narrows,
        "additionalProperties became a schema where it was open, or false where it was a schema.");

    /// <summary>[ADDITIONAL_PROPERTIES_EXTENDED] Undeclared properties are accepted more widely.</summary>
    public static readonly ChangeRule AdditionalPropertiesExtended = Schema("additional-properties-extended", ChangeKind.Widens,
        "additionalProperties became open where it was a schema, or a schema where it was false.");

    // ---- Schema: types and values --------------------------------------------------------------

    /// <summary>[TYPE_EXTENDED] e.g. string to [string, null], integer to number.</summary>
    public static readonly ChangeRule TypeExtended = Schema("type-extended", ChangeKind.Widens,
        "The type allows more (string → [string, null], integer → number).");

    /// <summary>[TYPE_NARROWED] e.g. [string, null] to string, number to integer.</summary>
    public static readonly ChangeRule TypeNarrowed = Schema("type-narrowed", ChangeKind.Narrows,
        "The type allows less ([string, null] → string, number → integer).");

    /// <summary>[TYPE_CHANGED] e.g. string to integer.</summary>
    public static readonly ChangeRule TypeChanged = Schema("type-changed", ChangeKind.Alters,
        "The type changed to one that is neither wider nor narrower (string → integer).");

    /// <summary>[ENUM_ARRAY_EXTENDED] One change per value.</summary>
    public static readonly ChangeRule EnumValueAdded = Schema("enum-value-added", ChangeKind.Widens,
        "A value was added to an enum: consumers on the old version do not know it.");

    /// <summary>[ENUM_ARRAY_NARROWED] One change per value.</summary>
    public static readonly ChangeRule EnumValueRemoved = Schema("enum-value-removed", ChangeKind.Narrows,
        "A value was removed from an enum: old records may hold it.");

    /// <summary>[ENUM added] The values are now limited.</summary>
    public static readonly ChangeRule EnumAdded = Schema("enum-added", ChangeKind.Narrows,
        "An enum (or const) now limits the values.");

    /// <summary>[ENUM removed] The values are no longer limited.</summary>
    public static readonly ChangeRule EnumRemoved = Schema("enum-removed", ChangeKind.Widens,
        "An enum (or const) no longer limits the values.");

    /// <summary>[MAX_*_DECREASED, MIN_*_INCREASED, *_ADDED] minimum/maximum, exclusive ones, lengths, item and property counts.</summary>
    public static readonly ChangeRule BoundTightened = Schema("bound-tightened", ChangeKind.Narrows,
        "A bound was added or tightened: a minimum raised or a maximum lowered (minimum, maximum, exclusiveMinimum, exclusiveMaximum, minLength, maxLength, minItems, maxItems, minProperties, maxProperties, minContains, maxContains).");

    /// <summary>[MAX_*_INCREASED, MIN_*_DECREASED, *_REMOVED].</summary>
    public static readonly ChangeRule BoundLoosened = Schema("bound-loosened", ChangeKind.Widens,
        "A bound was removed or loosened: a minimum lowered or a maximum raised.");

    /// <summary>[PATTERN_ADDED].</summary>
    public static readonly ChangeRule PatternAdded = Schema("pattern-added", ChangeKind.Narrows, "A pattern now constrains the string.");

    /// <summary>[PATTERN_REMOVED].</summary>
    public static readonly ChangeRule PatternRemoved = Schema("pattern-removed", ChangeKind.Widens, "The pattern no longer constrains the string.");

    /// <summary>[PATTERN_CHANGED].</summary>
    public static readonly ChangeRule PatternChanged = Schema("pattern-changed", ChangeKind.Alters, "The pattern changed.");

    /// <summary>format added (Confluent does not compare format; ContractKit enforces it, so it is a constraint).</summary>
    public static readonly ChangeRule FormatAdded = Schema("format-added", ChangeKind.Narrows, "A format (date-time, uuid, email…) now constrains the string.");

    /// <summary>format removed.</summary>
    public static readonly ChangeRule FormatRemoved = Schema("format-removed", ChangeKind.Widens, "The format no longer constrains the string.");

    /// <summary>format changed.</summary>
    public static readonly ChangeRule FormatChanged = Schema("format-changed", ChangeKind.Alters, "The format changed (uuid → email).");

    /// <summary>[MULTIPLE_OF_ADDED].</summary>
    public static readonly ChangeRule MultipleOfAdded = Schema("multiple-of-added", ChangeKind.Narrows, "multipleOf now constrains the number.");

    /// <summary>[MULTIPLE_OF_REMOVED].</summary>
    public static readonly ChangeRule MultipleOfRemoved = Schema("multiple-of-removed", ChangeKind.Widens, "multipleOf no longer constrains the number.");

    /// <summary>[MULTIPLE_OF_EXPANDED] The new step is a multiple of the old one (2 → 4).</summary>
    public static readonly ChangeRule MultipleOfExpanded = Schema("multiple-of-expanded", ChangeKind.Narrows, "multipleOf became a multiple of the old step (2 → 4): fewer values pass.");

    /// <summary>[MULTIPLE_OF_REDUCED] The old step is a multiple of the new one (4 → 2).</summary>
    public static readonly ChangeRule MultipleOfReduced = Schema("multiple-of-reduced", ChangeKind.Widens, "multipleOf became a divisor of the old step (4 → 2): more values pass.");

    /// <summary>[MULTIPLE_OF_CHANGED] Neither divides the other (2 → 3).</summary>
    public static readonly ChangeRule MultipleOfChanged = Schema("multiple-of-changed", ChangeKind.Alters, "multipleOf changed to a step unrelated to the old one (2 → 3).");

    /// <summary>[UNIQUE_ITEMS_ADDED].</summary>
    public static readonly ChangeRule UniqueItemsAdded = Schema("unique-items-added", ChangeKind.Narrows, "Array items must now be unique.");

    /// <summary>[UNIQUE_ITEMS_REMOVED].</summary>
    public static readonly ChangeRule UniqueItemsRemoved = Schema("unique-items-removed", ChangeKind.Widens, "Array items no longer need to be unique.");

    // ---- Schema: nested and combined schemas ---------------------------------------------------

    /// <summary>[SCHEMA_ADDED] items, prefixItems, contains, propertyNames or not appeared where there was none.</summary>
    public static readonly ChangeRule SubschemaAdded = Schema("subschema-added", ChangeKind.Narrows,
        "A subschema now constrains the value (items, prefixItems, contains, propertyNames, not).");

    /// <summary>[SCHEMA_REMOVED].</summary>
    public static readonly ChangeRule SubschemaRemoved = Schema("subschema-removed", ChangeKind.Widens,
        "A subschema no longer constrains the value (items, prefixItems, contains, propertyNames, not).");

    /// <summary>[SUM_TYPE_EXTENDED] oneOf/anyOf gained an alternative.</summary>
    public static readonly ChangeRule SumTypeExtended = Schema("sum-type-extended", ChangeKind.Widens, "oneOf/anyOf gained an alternative.");

    /// <summary>[SUM_TYPE_NARROWED] oneOf/anyOf lost an alternative.</summary>
    public static readonly ChangeRule SumTypeNarrowed = Schema("sum-type-narrowed", ChangeKind.Narrows, "oneOf/anyOf lost an alternative.");

    /// <summary>[PRODUCT_TYPE_EXTENDED] allOf gained a schema.</summary>
    public static readonly ChangeRule ProductTypeExtended = Schema("product-type-extended", ChangeKind.Narrows, "allOf gained a schema (or a combinator was added).");

    /// <summary>[PRODUCT_TYPE_NARROWED] allOf lost a schema.</summary>
    public static readonly ChangeRule ProductTypeNarrowed = Schema("product-type-narrowed", ChangeKind.Widens, "allOf lost a schema (or a combinator was removed).");

    /// <summary>[COMBINED_TYPE_EXTENDED] oneOf/allOf became anyOf.</summary>
    public static readonly ChangeRule CombinedTypeExtended = Schema("combined-type-extended", ChangeKind.Widens, "oneOf or allOf became anyOf.");

    /// <summary>[COMBINED_TYPE_CHANGED] Any other switch between oneOf, anyOf and allOf.</summary>
    public static readonly ChangeRule CombinedTypeChanged = Schema("combined-type-changed", ChangeKind.Alters, "A combinator changed between oneOf, anyOf and allOf (other than to anyOf).");

    /// <summary>A keyword this diff does not reason about changed; treated as breaking in every mode rather than passed.</summary>
    public static readonly ChangeRule KeywordChanged = Schema("keyword-changed", ChangeKind.Alters,
        "A keyword diff does not reason about changed (patternProperties, dependentRequired, if/then/else…): treated as breaking in every mode.");

    /// <summary>[DESCRIPTION_CHANGED, TITLE_CHANGED, DEFAULT_CHANGED] Annotations.</summary>
    public static readonly ChangeRule AnnotationChanged = Schema("annotation-changed", ChangeKind.Neutral,
        "An annotation changed (description, title, default, examples, deprecated).");

    /// <summary>Personal data is no longer marked: a privacy regression, flagged whatever the mode.</summary>
    public static readonly ChangeRule PiiMarkingRemoved = Schema("pii-marking-removed", ChangeKind.Alters,
        "A field lost its x-pii: true marking: consumers would stop treating personal data as personal. Always fails the diff.", alwaysFlagged: true);

    /// <summary>A field is now marked as personal data.</summary>
    public static readonly ChangeRule PiiMarkingAdded = Schema("pii-marking-added", ChangeKind.Neutral, "A field is now marked x-pii: true.");

    // ---- Contract: datasets ------------------------------------------------------------------

    /// <summary>A dataset was added.</summary>
    public static readonly ChangeRule DatasetAdded = Contract("dataset-added", ChangeKind.Narrows,
        "A dataset was added: a new promise (a replay of old data lacks it).");

    /// <summary>A dataset was removed.</summary>
    public static readonly ChangeRule DatasetRemoved = Contract("dataset-removed", ChangeKind.Widens,
        "A dataset was removed: consumers on the old version lose it.");

    /// <summary>The dataset moved (endpoint, table, files or topic).</summary>
    public static readonly ChangeRule DatasetLocationChanged = Contract("dataset-location-changed", ChangeKind.Alters,
        "The dataset's location changed (HTTP path or records path, table, files, topic).");

    /// <summary>The source kind changed.</summary>
    public static readonly ChangeRule SourceKindChanged = Contract("source-kind-changed", ChangeKind.Alters, "The source kind changed (http → postgres).");

    /// <summary>A key was declared.</summary>
    public static readonly ChangeRule KeyAdded = Contract("key-added", ChangeKind.Narrows, "A key now promises uniqueness.");

    /// <summary>The key was dropped.</summary>
    public static readonly ChangeRule KeyRemoved = Contract("key-removed", ChangeKind.Widens, "The key was dropped: records are no longer promised unique.");

    /// <summary>The key's fields changed.</summary>
    public static readonly ChangeRule KeyChanged = Contract("key-changed", ChangeKind.Alters, "The key's fields changed: upserts and deduplication break.");

    /// <summary>An event time was declared.</summary>
    public static readonly ChangeRule EventTimeAdded = Contract("event-time-added", ChangeKind.Narrows, "An eventTime field was declared.");

    /// <summary>The event time was dropped.</summary>
    public static readonly ChangeRule EventTimeRemoved = Contract("event-time-removed", ChangeKind.Widens, "The eventTime field was dropped.");

    /// <summary>The event time field changed.</summary>
    public static readonly ChangeRule EventTimeChanged = Contract("event-time-changed", ChangeKind.Alters, "The eventTime field changed: freshness and windows move.");

    /// <summary>Freshness threshold raised or removed.</summary>
    public static readonly ChangeRule FreshnessLoosened = Contract("freshness-loosened", ChangeKind.Widens, "A freshness threshold was raised or removed (15m → 1h).");

    /// <summary>Freshness threshold lowered or added.</summary>
    public static readonly ChangeRule FreshnessTightened = Contract("freshness-tightened", ChangeKind.Narrows, "A freshness threshold was lowered or added.");

    /// <summary>Volume range widened.</summary>
    public static readonly ChangeRule VolumeRangeWidened = Contract("volume-range-widened", ChangeKind.Widens, "The volume range widened: min lowered or max raised (or removed).");

    /// <summary>Volume range narrowed.</summary>
    public static readonly ChangeRule VolumeRangeNarrowed = Contract("volume-range-narrowed", ChangeKind.Narrows, "The volume range narrowed: min raised or max lowered (or added).");

    /// <summary>Volume window changed.</summary>
    public static readonly ChangeRule VolumeWindowChanged = Contract("volume-window-changed", ChangeKind.Alters, "The window volume is counted over changed (per: 1h → 1d).");

    /// <summary>A quality check was removed.</summary>
    public static readonly ChangeRule QualityCheckRemoved = Contract("quality-check-removed", ChangeKind.Widens, "A quality check was removed.");

    /// <summary>A quality check was loosened.</summary>
    public static readonly ChangeRule QualityCheckLoosened = Contract("quality-check-loosened", ChangeKind.Widens, "A quality check was loosened (max raised, min lowered).");

    /// <summary>A quality check was added.</summary>
    public static readonly ChangeRule QualityCheckAdded = Contract("quality-check-added", ChangeKind.Narrows, "A quality check was added.");

    /// <summary>A quality check was tightened.</summary>
    public static readonly ChangeRule QualityCheckTightened = Contract("quality-check-tightened", ChangeKind.Narrows, "A quality check was tightened (max lowered, min raised).");

    /// <summary>CDC lag bound raised or removed.</summary>
    public static readonly ChangeRule CdcLagLoosened = Contract("cdc-lag-loosened", ChangeKind.Widens, "The replication-slot lag bound was raised or removed.");

    /// <summary>CDC lag bound lowered or added.</summary>
    public static readonly ChangeRule CdcLagTightened = Contract("cdc-lag-tightened", ChangeKind.Narrows, "The replication-slot lag bound was lowered or added.");

    // ---- Contract: service levels --------------------------------------------------------------

    /// <summary>Availability lowered or removed.</summary>
    public static readonly ChangeRule AvailabilityLowered = Contract("availability-lowered", ChangeKind.Widens, "Promised availability was lowered or removed.");

    /// <summary>Availability raised or added.</summary>
    public static readonly ChangeRule AvailabilityRaised = Contract("availability-raised", ChangeKind.Narrows, "Promised availability was raised or added.");

    /// <summary>A latency target raised or removed.</summary>
    public static readonly ChangeRule LatencyLoosened = Contract("latency-loosened", ChangeKind.Widens, "A latency percentile target was raised or removed.");

    /// <summary>A latency target lowered or added.</summary>
    public static readonly ChangeRule LatencyTightened = Contract("latency-tightened", ChangeKind.Narrows, "A latency percentile target was lowered or added.");

    /// <summary>Error rate raised or removed.</summary>
    public static readonly ChangeRule ErrorRateLoosened = Contract("error-rate-loosened", ChangeKind.Widens, "The error-rate bound was raised or removed.");

    /// <summary>Error rate lowered or added.</summary>
    public static readonly ChangeRule ErrorRateTightened = Contract("error-rate-tightened", ChangeKind.Narrows, "The error-rate bound was lowered or added.");

    /// <summary>Support response time raised or removed.</summary>
    public static readonly ChangeRule SupportLoosened = Contract("support-loosened", ChangeKind.Widens, "The support response time was raised or removed.");

    /// <summary>Support response time lowered or added.</summary>
    public static readonly ChangeRule SupportTightened = Contract("support-tightened", ChangeKind.Narrows, "The support response time was lowered or added.");

    // ---- Contract: people and life cycle (informational) ---------------------------------------

    /// <summary>Owner team, contact or e-mail changed.</summary>
    public static readonly ChangeRule OwnerChanged = Contract("owner-changed", ChangeKind.Neutral, "The owner team, contact or e-mail changed (informational).");

    /// <summary>Consumers added or removed.</summary>
    public static readonly ChangeRule ConsumersChanged = Contract("consumers-changed", ChangeKind.Neutral, "A consumer was added or removed (informational).");

    /// <summary>Status moved (e.g. active → deprecated).</summary>
    public static readonly ChangeRule StatusChanged = Contract("status-changed", ChangeKind.Neutral, "The status moved, e.g. active → deprecated (informational).");

    /// <summary>The contract was retired.</summary>
    public static readonly ChangeRule ContractRetired = Contract("contract-retired", ChangeKind.Alters, "The status moved to retired: the source is no longer served.");

    /// <summary>The declared compatibility mode changed.</summary>
    public static readonly ChangeRule CompatibilityChanged = Contract("compatibility-changed", ChangeKind.Neutral, "The declared compatibility mode changed (informational).");

    /// <summary>Title or descriptions changed.</summary>
    public static readonly ChangeRule DescriptionChanged = Contract("description-changed", ChangeKind.Neutral, "The title or a description changed (informational).");

    /// <summary>Every rule, in the order of the README's table.</summary>
    public static ImmutableArray<ChangeRule> All { get; } =
    [
        PropertyAddedToOpenModel, PropertyWithAnySchemaAdded, OptionalPropertyAddedToClosedModel, RequiredPropertyAddedToClosedModel,
        RequiredPropertyWithDefaultAddedToClosedModel, PropertyAddedToPartiallyOpenModel, PropertyRemovedFromOpenModel,
        PropertyRemovedFromClosedModel, RequiredPropertyRemovedFromClosedModel, PropertyRemovedFromPartiallyOpenModel,
        PropertyMadeRequired, PropertyMadeRequiredWithDefault, PropertyMadeOptional,
        AdditionalPropertiesAllowed, AdditionalPropertiesForbidden, AdditionalPropertiesNarrowed, AdditionalPropertiesExtended,
        TypeExtended, TypeNarrowed, TypeChanged, EnumValueAdded, EnumValueRemoved, EnumAdded, EnumRemoved,
        BoundTightened, BoundLoosened, PatternAdded, PatternRemoved, PatternChanged, FormatAdded, FormatRemoved, FormatChanged,
        MultipleOfAdded, MultipleOfRemoved, MultipleOfExpanded, MultipleOfReduced, MultipleOfChanged, UniqueItemsAdded, UniqueItemsRemoved,
        SubschemaAdded, SubschemaRemoved, SumTypeExtended, SumTypeNarrowed, ProductTypeExtended, ProductTypeNarrowed,
        CombinedTypeExtended, CombinedTypeChanged, KeywordChanged, AnnotationChanged, PiiMarkingRemoved, PiiMarkingAdded,
        DatasetAdded, DatasetRemoved, DatasetLocationChanged, SourceKindChanged, KeyAdded, KeyRemoved, KeyChanged,
        EventTimeAdded, EventTimeRemoved, EventTimeChanged, FreshnessLoosened, FreshnessTightened,
        VolumeRangeWidened, VolumeRangeNarrowed, VolumeWindowChanged,
        QualityCheckRemoved, QualityCheckLoosened, QualityCheckAdded, QualityCheckTightened, CdcLagLoosened, CdcLagTightened,
        AvailabilityLowered, AvailabilityRaised, LatencyLoosened, LatencyTightened, ErrorRateLoosened, ErrorRateTightened,
        SupportLoosened, SupportTightened,
        OwnerChanged, ConsumersChanged, StatusChanged, ContractRetired, CompatibilityChanged, DescriptionChanged,
    ];
}
