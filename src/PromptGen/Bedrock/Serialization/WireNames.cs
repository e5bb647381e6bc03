using System;
using System.Collections.Generic;

namespace PromptGen.Bedrock.Serialization;

/// <summary>How the members of an enum are spelled on the Converse wire, e.g. <c>CacheTtl.OneHour</c> ⇄ <c>1h</c>.</summary>
internal sealed class WireNames<TEnum>
    where TEnum : struct, Enum
{
    private readonly KeyValuePair<TEnum, string>[] _names;

    public WireNames(params KeyValuePair<TEnum, string>[] names) => _names = names;

    public string NameOf(TEnum value)
    {
        foreach (KeyValuePair<TEnum, string> name in _names)
        {
            if (EqualityComparer<TEnum>.Default.Equals(name.Key, value))
            {
                return name.Value;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(value), value, $"{typeof(TEnum).Name} has no member with this value.");
    }

    public bool TryParse(string? text, out TEnum value)
    {
        foreach (KeyValuePair<TEnum, string> name in _names)
        {
            if (string.Equals(name.Value, text, StringComparison.Ordinal))
            {
                value = name.Key;
                return true;
            }
        }

        value = default;
        return false;
    }
}
