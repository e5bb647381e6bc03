using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Serialization;
using PromptGen.Bedrock.Serialization;

namespace PromptGen.Bedrock;

/// <summary>
/// A metadata filter for knowledge base retrieval: one comparison of a metadata attribute with a value, or all/any of
/// several filters. Build one with the factory methods, e.g.
/// <c>RetrievalFilter.AndAll(RetrievalFilter.Equal("team", "search"), RetrievalFilter.GreaterThan("year", 2024))</c>.
/// The operators are the API's <c>RetrievalFilter</c> union
/// (https://docs.aws.amazon.com/bedrock/latest/APIReference/API_agent-runtime_RetrievalFilter.html).
/// </summary>
[JsonConverter(typeof(RetrievalFilterConverter))]
public sealed class RetrievalFilter
{
    /// <summary>The smallest number of filters <see cref="AndAll"/> and <see cref="OrAll"/> take (the API's minimum).</summary>
    public const int MinCombined = 2;

    private RetrievalFilter(string @operator, string? key, JsonElement value, IReadOnlyList<RetrievalFilter> filters)
    {
        Operator = @operator;
        Key = key;
        Value = value;
        Filters = filters;
    }

    /// <summary>The wire name of the operator: <c>equals</c>, <c>in</c>, <c>startsWith</c>, <c>andAll</c>...</summary>
    public string Operator { get; }

    /// <summary>The metadata attribute compared; null for <c>andAll</c> and <c>orAll</c>.</summary>
    public string? Key { get; }

    /// <summary>The value compared with (a string, number, boolean or list); undefined for <c>andAll</c> and <c>orAll</c>.</summary>
    public JsonElement Value { get; }

    /// <summary>The combined filters of <c>andAll</c> and <c>orAll</c>; empty otherwise.</summary>
    public IReadOnlyList<RetrievalFilter> Filters { get; }

    /// <summary><c>equals</c>: the attribute equals <paramref name="value"/>.</summary>
    public static RetrievalFilter Equal(string key, string value) => Compare("equals", key, FilterValues.Of(value));

    /// <summary><c>equals</c> with a number.</summary>
    public static RetrievalFilter Equal(string key, double value) => Compare("equals", key, FilterValues.Of(value));

    /// <summary><c>equals</c> with a boolean.</summary>
    public static RetrievalFilter Equal(string key, bool value) => Compare("equals", key, FilterValues.Of(value));

    /// <summary><c>notEquals</c>.</summary>
    public static RetrievalFilter NotEqual(string key, string value) => Compare("notEquals", key, FilterValues.Of(value));

    /// <summary><c>notEquals</c> with a number.</summary>
    public static RetrievalFilter NotEqual(string key, double value) => Compare("notEquals", key, FilterValues.Of(value));

    /// <summary><c>greaterThan</c>.</summary>
    public static RetrievalFilter GreaterThan(string key, double value) => Compare("greaterThan", key, FilterValues.Of(value));

    /// <summary><c>greaterThanOrEquals</c>.</summary>
    public static RetrievalFilter GreaterThanOrEqual(string key, double value) => Compare("greaterThanOrEquals", key, FilterValues.Of(value));

    /// <summary><c>lessThan</c>.</summary>
    public static RetrievalFilter LessThan(string key, double value) => Compare("lessThan", key, FilterValues.Of(value));

    /// <summary><c>lessThanOrEquals</c>.</summary>
    public static RetrievalFilter LessThanOrEqual(string key, double value) => Compare("lessThanOrEquals", key, FilterValues.Of(value));

    /// <summary><c>in</c>: the attribute is one of <paramref name="values"/>.</summary>
    public static RetrievalFilter In(string key, params string[] values) => Compare("in", key, FilterValues.Of(values));

    /// <summary><c>notIn</c>: the attribute is none of <paramref name="values"/>.</summary>
    public static RetrievalFilter NotIn(string key, params string[] values) => Compare("notIn", key, FilterValues.Of(values));

    /// <summary><c>startsWith</c>: the string attribute starts with <paramref name="prefix"/>.</summary>
    public static RetrievalFilter StartsWith(string key, string prefix) => Compare("startsWith", key, FilterValues.Of(prefix));

    /// <summary><c>listContains</c>: the list attribute contains <paramref name="value"/>.</summary>
    public static RetrievalFilter ListContains(string key, string value) => Compare("listContains", key, FilterValues.Of(value));

    /// <summary><c>stringContains</c>: the string attribute (or a member of a list attribute) contains <paramref name="value"/>.</summary>
    public static RetrievalFilter StringContains(string key, string value) => Compare("stringContains", key, FilterValues.Of(value));

    /// <summary><c>andAll</c>: every filter matches (at least two).</summary>
    public static RetrievalFilter AndAll(params RetrievalFilter[] filters) => Combine("andAll", filters);

    /// <summary><c>orAll</c>: at least one filter matches (at least two).</summary>
    public static RetrievalFilter OrAll(params RetrievalFilter[] filters) => Combine("orAll", filters);

    private static RetrievalFilter Compare(string @operator, string key, JsonElement value)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        return new RetrievalFilter(@operator, key, value, Array.Empty<RetrievalFilter>());
    }

    private static RetrievalFilter Combine(string @operator, RetrievalFilter[] filters)
    {
        ArgumentNullException.ThrowIfNull(filters);
        if (filters.Length < MinCombined || filters.Any(filter => filter is null))
        {
            throw new ArgumentException($"{@operator} combines at least {MinCombined} filters, none of them null.", nameof(filters));
        }

        return new RetrievalFilter(@operator, null, default, filters.ToArray());
    }
}
