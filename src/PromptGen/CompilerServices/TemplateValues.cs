using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Globalization;
using System.Text;

namespace PromptGen.CompilerServices;

/// <summary>
/// What templates compiled to C# call where Scriban has its own rules: member access on null fails, null iterates
/// and counts as nothing, values are written with the invariant culture, booleans as <c>true</c>/<c>false</c> and
/// dates as <c>%d %b %Y</c>. No reflection.
/// Used by generated code; not for direct use.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class TemplateValues
{
    /// <summary>Scriban's default date format <c>%d %b %Y</c>, in .NET terms.</summary>
    public const string DefaultDateFormat = "dd MMM yyyy";

    /// <summary><paramref name="target"/>, or the error Scriban raises for <c>{{ target.member }}</c> on null.</summary>
    /// <exception cref="PromptTemplateException"><paramref name="target"/> is null.</exception>
    public static T Member<T>(T? target, string template, string path)
        where T : class
        => target ?? throw new PromptTemplateException(
            $"The prompt template failed to render: Object `{path}` is null. Cannot access its members.", template);

    /// <summary>What <c>for</c> iterates: nothing when <paramref name="items"/> is null.</summary>
    public static IEnumerable<T> Items<T>(IEnumerable<T>? items) => items ?? Array.Empty<T>();

    /// <summary><c>array.size</c>: 0 for null.</summary>
    public static int Size<T>(IEnumerable<T>? items)
    {
        switch (items)
        {
            case null:
                return 0;
            case ICollection<T> collection:
                return collection.Count;
            case IReadOnlyCollection<T> readOnly:
                return readOnly.Count;
        }

        int count = 0;
        using IEnumerator<T> enumerator = items.GetEnumerator();
        while (enumerator.MoveNext())
        {
            count++;
        }

        return count;
    }

    /// <summary><c>string.size</c>: 0 for null.</summary>
    public static int Size(string? text) => text?.Length ?? 0;

    /// <summary><c>string.upcase</c>.</summary>
    public static string? Upcase(string? text) => text?.ToUpperInvariant();

    /// <summary><c>string.downcase</c>.</summary>
    public static string? Downcase(string? text) => text?.ToLowerInvariant();

    /// <summary><c>math.format</c> and <c>date.to_string</c> (its format already translated to .NET's).</summary>
    public static string Format<T>(T value, string format)
        where T : IFormattable
        => value.ToString(format, CultureInfo.InvariantCulture);

    /// <summary><c>array.join</c>: each item written as Scriban writes it, null as nothing; null items give "".</summary>
    public static string Join<T>(IEnumerable<T>? items, string separator)
    {
        if (items is null)
        {
            return string.Empty;
        }

        var text = new StringBuilder();
        bool first = true;
        foreach (T item in items)
        {
            if (!first)
            {
                text.Append(separator);
            }

            first = false;
            text.Append(Text(item));
        }

        return text.ToString();
    }

    /// <summary>A scalar as Scriban writes it.</summary>
    public static string Text<T>(T value) => value switch
    {
        null => string.Empty,
        string text => text,
        bool flag => flag ? "true" : "false",
        DateTime date => date.ToString(DefaultDateFormat, CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };
}
