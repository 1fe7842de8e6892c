using System.Collections.Frozen;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace ContractKit.Contracts.Validation.Compilation.Checks;

/// <summary>The object keywords, evaluated in one pass over the record's properties.</summary>
internal sealed class ObjectCheck : Check
{
    // Up to this many declared properties, a linear scan over UTF-8 names beats allocating the name.
    private const int LinearLookup = 12;

    private readonly (string Name, CompiledSchema Schema)[] _properties;
    private readonly FrozenDictionary<string, CompiledSchema>? _byName;
    private readonly (Regex Pattern, CompiledSchema Schema)[] _patternProperties;
    private readonly CompiledSchema? _additional;
    private readonly string[] _required;
    private readonly int? _minProperties;
    private readonly int? _maxProperties;
    private readonly CompiledSchema? _propertyNames;
    private readonly (string Name, string[] Requires)[] _dependentRequired;
    private readonly (string Name, CompiledSchema Schema)[] _dependentSchemas;
    private readonly string _location;

    public ObjectCheck(
        (string Name, CompiledSchema Schema)[] properties,
        (Regex Pattern, CompiledSchema Schema)[] patternProperties,
        CompiledSchema? additional,
        string[] required,
        int? minProperties,
        int? maxProperties,
        CompiledSchema? propertyNames,
        (string Name, string[] Requires)[] dependentRequired,
        (string Name, CompiledSchema Schema)[] dependentSchemas,
        string location)
    {
        _properties = properties;
        _byName = properties.Length > LinearLookup ? properties.ToFrozenDictionary(p => p.Name, p => p.Schema, StringComparer.Ordinal) : null;
        _patternProperties = patternProperties;
        _additional = additional;
        _required = required;
        _minProperties = minProperties;
        _maxProperties = maxProperties;
        _propertyNames = propertyNames;
        _dependentRequired = dependentRequired;
        _dependentSchemas = dependentSchemas;
        _location = location;
    }

    public override bool Evaluate(JsonElement instance, Evaluation evaluation)
    {
        if (instance.ValueKind != JsonValueKind.Object)
        {
            return true;
        }

        var valid = true;
        foreach (var name in _required)
        {
            if (!instance.TryGetProperty(name, out _))
            {
                valid = Fail("required", $"the required property '{name}' is missing");
                if (!evaluation.Collecting)
                {
                    return false;
                }
            }
        }

        var count = 0;
        foreach (var property in instance.EnumerateObject())
        {
            count++;
            if (!EvaluateProperty(property, evaluation))
            {
                valid = false;
                if (!evaluation.Collecting)
                {
                    return false;
                }
            }
        }

        if (count < _minProperties)
        {
            valid = Fail("minProperties", $"must have at least {_minProperties} properties, not {count}");
        }

        if (count > _maxProperties)
        {
            valid = Fail("maxProperties", $"must have at most {_maxProperties} properties, not {count}");
        }

        foreach (var (name, requires) in _dependentRequired)
        {
            if (!instance.TryGetProperty(name, out _))
            {
                continue;
            }

            foreach (var required in requires)
            {
                if (!instance.TryGetProperty(required, out _))
                {
                    valid = Fail("dependentRequired", $"'{name}' is present, so '{required}' is required");
                }
            }
        }

        foreach (var (name, schema) in _dependentSchemas)
        {
            if (instance.TryGetProperty(name, out _) && !schema.Evaluate(instance, evaluation))
            {
                valid = false;
            }
        }

        return valid;

        bool Fail(string keyword, string message)
        {
            evaluation.Report(keyword, _location + "/" + keyword, message);
            return false;
        }
    }

    private bool EvaluateProperty(JsonProperty property, Evaluation evaluation)
    {
        var valid = true;
        var matched = false;
        evaluation.Push(property.Name);
        try
        {
            if (_propertyNames is not null && !PropertyNameValid(property.Name, evaluation))
            {
                valid = false;
            }

            if (Declared(property) is { } declared)
            {
                matched = true;
                valid &= declared.Evaluate(property.Value, evaluation);
            }

            if (_patternProperties.Length > 0)
            {
                var name = property.Name;
                foreach (var (pattern, schema) in _patternProperties)
                {
                    if (pattern.IsMatch(name))
                    {
                        matched = true;
                        valid &= schema.Evaluate(property.Value, evaluation);
                    }
                }
            }

            if (!matched && _additional is not null)
            {
                if (_additional.Constant == false)
                {
                    evaluation.Report("additionalProperties", _location + "/additionalProperties", $"the property '{property.Name}' is not allowed");
                    valid = false;
                }
                else
                {
                    valid &= _additional.Evaluate(property.Value, evaluation);
                }
            }

            return valid;
        }
        finally
        {
            evaluation.Pop();
        }
    }

    private CompiledSchema? Declared(JsonProperty property)
    {
        if (_byName is not null)
        {
            return _byName.GetValueOrDefault(property.Name);
        }

        foreach (var (name, schema) in _properties)
        {
            if (property.NameEquals(name))
            {
                return schema;
            }
        }

        return null;
    }

    private bool PropertyNameValid(string name, Evaluation evaluation)
    {
        var element = JsonSerializer.SerializeToElement(name);
        if (evaluation.Quietly(_propertyNames!, element))
        {
            return true;
        }

        evaluation.Report("propertyNames", _location + "/propertyNames", $"the property name '{name}' is not allowed by propertyNames");
        return false;
    }
}
