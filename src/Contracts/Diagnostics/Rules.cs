using System.Collections.Immutable;

namespace ContractKit.Contracts.Diagnostics;

/// <summary>
/// Every rule the loader and linter enforce, in one place: the README's rule table and
/// <c>contractkit lint --rules</c> are printed from this list, and a test requires a fixture for each.
/// </summary>
public static class Rules
{
    // Files and YAML.

    /// <summary>The file cannot be read (missing, no permission).</summary>
    public static readonly Rule FileUnreadable = new("file-unreadable", Severity.Error,
        "The file exists and can be read.", "check the path and the file's permissions");

    /// <summary>The file is binary or not UTF-8.</summary>
    public static readonly Rule FileNotText = new("file-not-text", Severity.Error,
        "The file is UTF-8 text, not binary.", "save the contract as UTF-8 YAML or JSON");

    /// <summary>The file holds no document.</summary>
    public static readonly Rule FileEmpty = new("file-empty", Severity.Error,
        "The file holds a document.", "start from an example in contracts/ or run `contractkit init`");

    /// <summary>YAML or JSON syntax error.</summary>
    public static readonly Rule YamlSyntax = new("yaml-syntax", Severity.Error,
        "The file is well-formed YAML (JSON is accepted as YAML).", "fix the syntax at the position shown");

    /// <summary>A key appears twice in one mapping.</summary>
    public static readonly Rule YamlDuplicateKey = new("yaml-duplicate-key", Severity.Error,
        "No key appears twice in the same mapping.", "remove or rename one of the two keys");

    /// <summary>More than one YAML document in a file.</summary>
    public static readonly Rule YamlMultipleDocuments = new("yaml-multiple-documents", Severity.Error,
        "A file holds exactly one contract (one YAML document).", "split the file at `---` into one file per contract");

    /// <summary>YAML features the format rejects (merge keys, custom tags, alias bombs).</summary>
    public static readonly Rule YamlUnsupported = new("yaml-unsupported", Severity.Error,
        "No merge keys (`<<`), custom tags or runaway aliases.", "write the values out in full");

    // Structure (checked against schemas/contractkit-v1.schema.json).

    /// <summary>A key the format does not define.</summary>
    public static readonly Rule UnknownKey = new("unknown-key", Severity.Error,
        "Every key is one the format defines (typos are not ignored).", "remove the key or correct its spelling");

    /// <summary>A required key is absent.</summary>
    public static readonly Rule MissingKey = new("missing-key", Severity.Error,
        "Every required key is present.", "add the key");

    /// <summary>A value of the wrong JSON type.</summary>
    public static readonly Rule WrongType = new("wrong-type", Severity.Error,
        "Every value has the type the format expects.", "write a value of the expected type");

    /// <summary>A value outside the allowed set or shape.</summary>
    public static readonly Rule InvalidValue = new("invalid-value", Severity.Error,
        "Every value is one the format allows (enums, names, ranges).", "use one of the allowed values");

    // Values parsed into domain types.

    /// <summary>Not a duration.</summary>
    public static readonly Rule InvalidDuration = new("invalid-duration", Severity.Error,
        "Durations are a whole number and a unit: 800ms, 30s, 15m, 1h, 7d.", "write e.g. 15m");

    /// <summary>Not a percentage.</summary>
    public static readonly Rule InvalidPercentage = new("invalid-percentage", Severity.Error,
        "Percentages are 0% to 100%, written with %.", "write e.g. 99.9%");

    /// <summary>Not a semantic version.</summary>
    public static readonly Rule InvalidVersion = new("invalid-version", Severity.Error,
        "`version` is a semantic version MAJOR.MINOR.PATCH.", "write e.g. 1.0.0");

    /// <summary>Not a rate.</summary>
    public static readonly Rule InvalidRate = new("invalid-rate", Severity.Error,
        "Rates are a count per duration: 200/h, 5/s, 1000/15m.", "write e.g. 200/h");

    /// <summary>Not a cron expression.</summary>
    public static readonly Rule InvalidCron = new("invalid-cron", Severity.Error,
        "Cron expressions have five fields (minute hour day month weekday).", "write e.g. \"*/5 * * * *\"");

    /// <summary>Unknown IANA time zone.</summary>
    public static readonly Rule InvalidTimeZone = new("invalid-timezone", Severity.Error,
        "Time zones are IANA names.", "write e.g. Europe/Berlin or UTC");

    /// <summary>Not a byte size.</summary>
    public static readonly Rule InvalidSize = new("invalid-size", Severity.Error,
        "Sizes are a number and a unit: 512kB, 64MB, 1GiB.", "write e.g. 64MB");

    /// <summary>A malformed <c>${…}</c> secret reference.</summary>
    public static readonly Rule InvalidSecretRef = new("invalid-secret-ref", Severity.Error,
        "Secret references are ${env:NAME} or ${file:path}.", "write e.g. ${env:ORDERS_API_TOKEN}");

    /// <summary>A literal secret written into the contract.</summary>
    public static readonly Rule SecretInFile = new("secret-in-file", Severity.Error,
        "Connection strings, tokens, passwords and webhook URLs are references, never literals.",
        "move the value to an environment variable and write ${env:NAME}");

    /// <summary>A malformed JSONPath.</summary>
    public static readonly Rule InvalidJsonPath = new("invalid-json-path", Severity.Error,
        "Record and cursor locations are simple JSONPaths: $, $.data, $.meta.next.", "write e.g. $.data");

    /// <summary>Malformed support hours.</summary>
    public static readonly Rule InvalidSupportHours = new("invalid-support-hours", Severity.Error,
        "Support hours read \"Mon-Fri 09:00-17:00 Europe/Berlin\" (or \"24/7\").", "write e.g. \"Mon-Fri 09:00-17:00 Europe/Berlin\"");

    /// <summary>A table name that is not <c>schema.table</c> or <c>table</c>.</summary>
    public static readonly Rule InvalidTableName = new("invalid-table-name", Severity.Error,
        "PostgreSQL tables are named table or schema.table.", "write e.g. public.payments");

    // Datasets and their schemas.

    /// <summary>Two datasets share a name.</summary>
    public static readonly Rule DuplicateDataset = new("duplicate-dataset", Severity.Error,
        "Dataset names are unique within a contract.", "rename one of the datasets");

    /// <summary>The dataset's location block does not match the source kind.</summary>
    public static readonly Rule DatasetLocation = new("dataset-location", Severity.Error,
        "Each dataset says where its records are, in the block named after the source kind.", "add e.g. `http: { path: /v1/orders, records: $.data }` for an http source");

    /// <summary>A check or setting that the source kind cannot support.</summary>
    public static readonly Rule SourceKindMismatch = new("source-kind-mismatch", Severity.Error,
        "Kind-specific settings (sql checks, cdc, pagination) appear only on sources of that kind.", "remove the setting or change the source kind");

    /// <summary>A <c>$ref</c> that does not resolve.</summary>
    public static readonly Rule RefUnresolved = new("ref-unresolved", Severity.Error,
        "Every $ref names a local file (relative to the file it is in) and a place that exists in it.", "correct the path or the #/pointer");

    /// <summary>A <c>$ref</c> cycle with no data in between.</summary>
    public static readonly Rule RefCycle = new("ref-cycle", Severity.Error,
        "$ref chains end in a schema (recursion through properties or items is fine).", "break the cycle so one schema in it describes data");

    /// <summary>A keyword the validator does not know.</summary>
    public static readonly Rule SchemaUnknownKeyword = new("schema-unknown-keyword", Severity.Error,
        "Every keyword in a dataset schema is a JSON Schema 2020-12 keyword (or an x- extension).", "correct the keyword, or prefix your own annotations with x-");

    /// <summary>A keyword the validator does not enforce.</summary>
    public static readonly Rule SchemaUnenforcedKeyword = new("schema-unenforced-keyword", Severity.Error,
        "No keyword or format in a dataset schema would pass records without checking them.", "remove it or express the rule with an enforced keyword");

    /// <summary>A keyword with a malformed value.</summary>
    public static readonly Rule SchemaInvalid = new("schema-invalid", Severity.Error,
        "Every dataset-schema keyword has a well-formed value (valid types, regexes, bounds).", "fix the keyword's value");

    /// <summary><c>key</c> names a field the schema does not have.</summary>
    public static readonly Rule KeyField = new("key-field", Severity.Error,
        "Every `key` field is a property of the dataset schema.", "name a property of the schema");

    /// <summary><c>eventTime</c> missing from the schema or needed but absent.</summary>
    public static readonly Rule EventTimeField = new("event-time-field", Severity.Error,
        "`eventTime` names a schema property; freshness and volume need one.", "name the property that holds the record's event time");

    /// <summary><c>eventTime</c> is not a date-time.</summary>
    public static readonly Rule EventTimeType = new("event-time-type", Severity.Error,
        "The `eventTime` property is `type: string, format: date-time`.", "declare the property as `{ type: string, format: date-time }`");

    /// <summary>A quality check names a field the schema does not have.</summary>
    public static readonly Rule QualityField = new("quality-field", Severity.Error,
        "Quality checks name properties of the dataset schema.", "name a property of the schema");

    /// <summary>A custom SQL check that could write.</summary>
    public static readonly Rule SqlNotReadOnly = new("sql-not-read-only", Severity.Error,
        "Custom SQL checks are one SELECT (or WITH … SELECT) statement returning one number.", "rewrite the query as a single SELECT");

    // Thresholds and ranges.

    /// <summary>Warn and fail thresholds out of order.</summary>
    public static readonly Rule ThresholdOrder = new("threshold-order", Severity.Error,
        "Warn thresholds are below fail thresholds; percentiles ascend (p50 ≤ p95 ≤ p99).", "swap or correct the thresholds");

    /// <summary>Volume bounds out of order.</summary>
    public static readonly Rule VolumeRange = new("volume-range", Severity.Error,
        "Volume `min` is at most `max`.", "swap or correct min and max");

    /// <summary>Shares that add up to more than 100%.</summary>
    public static readonly Rule ShareTotal = new("share-total", Severity.Error,
        "Shares that split the same requests or records add up to at most 100%.", "lower the shares");

    // Advice on valid contracts (warnings).

    /// <summary>A dataset without a key.</summary>
    public static readonly Rule NoKey = new("no-key", Severity.Warning,
        "Each dataset declares a `key`, so duplicates can be found and ingestion can upsert.", "add e.g. `key: [order_id]`");

    /// <summary>A dataset without event time.</summary>
    public static readonly Rule NoEventTime = new("no-event-time", Severity.Warning,
        "Each dataset declares `eventTime`, so freshness and volume can be measured.", "add e.g. `eventTime: created_at`");

    /// <summary>A field that looks personal but is not marked.</summary>
    public static readonly Rule PiiUnmarked = new("pii-unmarked", Severity.Warning,
        "Fields that look personal (email, phone, name, address, ip, birth date) carry `x-pii: true`.", "add `x-pii: true` to the field, or `x-pii: false` to say it is not personal");

    /// <summary>Every rule, in the order of the rule table.</summary>
    public static ImmutableArray<Rule> All { get; } =
    [
        FileUnreadable, FileNotText, FileEmpty, YamlSyntax, YamlDuplicateKey, YamlMultipleDocuments, YamlUnsupported,
        UnknownKey, MissingKey, WrongType, InvalidValue,
        InvalidDuration, InvalidPercentage, InvalidVersion, InvalidRate, InvalidCron, InvalidTimeZone, InvalidSize,
        InvalidSecretRef, SecretInFile, InvalidJsonPath, InvalidSupportHours, InvalidTableName,
        DuplicateDataset, DatasetLocation, SourceKindMismatch, RefUnresolved, RefCycle,
        SchemaUnknownKeyword, SchemaUnenforcedKeyword, SchemaInvalid,
        KeyField, EventTimeField, EventTimeType, QualityField, SqlNotReadOnly,
        ThresholdOrder, VolumeRange, ShareTotal,
        NoKey, NoEventTime, PiiUnmarked,
    ];

    /// <summary>The rule with <paramref name="id"/>, or null.</summary>
    public static Rule? Find(string id) => All.FirstOrDefault(r => r.Id == id);
}
