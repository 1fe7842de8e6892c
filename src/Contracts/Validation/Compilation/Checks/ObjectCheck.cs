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
    private readonly byte[][] _utf8Names;
    private readonly int[] _requiredBit;
    private readonly string[] _requiredUndeclared;
    private readonly ulong _allRequiredBits;
    private readonly FrozenDictionary<string, int>? _byName;
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

        // Names are compared as UTF-8, the form JsonDocument holds them in: no transcoding per record.
        _utf8Names = [.. properties.Select(p => System.Text.Encoding.UTF8.GetBytes(p.Name))];
        _byName = properties.Length > LinearLookup
            ? properties.Select((p, i) => (p.Name, i)).DistinctBy(p => p.Name).ToFrozenDictionary(p => p.Name, p => p.i, StringComparer.Ordinal)
            : null;

        // Required properties that are also declared are ticked off in the one pass over the record;
        // only the rest (at most 64 tracked by bits) need a lookup of their own.
        _requiredBit = new int[properties.Length];
        Array.Fill(_requiredBit, -1);
        var undeclared = new List<string>();
        var bit = 0;
        foreach (var name in required.Distinct(StringComparer.Ordinal))
        {
            var index = Array.FindIndex(properties, p => p.Name == name);
            if (index >= 0 && bit < 64)
            {
                _requiredBit[index] = bit;
                _allRequiredBits |= 1UL << bit;
                bit++;
            }
            else
            {
                undeclared.Add(name);
            }
        }

        _requiredUndeclared = [.. undeclared];
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
        foreach (var name in _requiredUndeclared)
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
        var seenRequired = 0UL;
        foreach (var property in instance.EnumerateObject())
        {
            count++;
            if (!EvaluateProperty(property, evaluation, ref seenRequired))
            {
                valid = false;
                if (!evaluation.Collecting)
                {
                    return false;
                }
            }
        }

        if (seenRequired != _allRequiredBits)
        {
            // Report in the order the schema lists them, as people read it.
            foreach (var name in _required)
            {
                var index = Array.FindIndex(_properties, p => p.Name == name);
                if (index >= 0 && _requiredBit[index] >= 0 && (seenRequired & (1UL << _requiredBit[index])) == 0)
                {
                    valid = Fail("required", $"the required property '{name}' is missing");
                    if (!evaluation.Collecting)
                    {
                        return false;
                    }
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

    private bool EvaluateProperty(JsonProperty property, Evaluation evaluation, ref ulong seenRequired)
    {
        var valid = true;
        var matched = false;
        evaluation.Push(property);
        try
        {
            if (_propertyNames is not null && !PropertyNameValid(property.Name, evaluation))
            {
                valid = false;
            }

            var declared = Declared(property);
            if (declared >= 0)
            {
                matched = true;
                if (_requiredBit[declared] >= 0)
                {
                    seenRequired |= 1UL << _requiredBit[declared];
                }

                valid &= _properties[declared].Schema.Evaluate(property.Value, evaluation);
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

    private int Declared(JsonProperty property)
    {
        if (_byName is not null)
        {
            return _byName.TryGetValue(property.Name, out var index) ? index : -1;
        }

        for (var i = 0; i < _utf8Names.Length; i++)
        {
            if (property.NameEquals(_utf8Names[i]))
            {
                return i;
            }
        }

        return -1;
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
