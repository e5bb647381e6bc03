using System.Collections.Generic;

namespace PromptGen.Generators.Catalog.Data;

/// <summary>The kinds of JSON value <see cref="CatalogJson"/> reads.</summary>
internal enum JsonKind
{
    Null,
    Boolean,
    Number,
    String,
    Array,
    Object,
}

/// <summary>
/// One JSON value with the line and column it starts at, so a catalog file's errors point at the fault. Numbers keep
/// their literal text: the catalog reads them as int, double or decimal as each fact needs, without a lossy double first.
/// </summary>
internal sealed class CatalogJsonNode
{
    private static readonly IReadOnlyList<CatalogJsonNode> NoItems = new CatalogJsonNode[0];
    private static readonly IReadOnlyList<KeyValuePair<string, CatalogJsonNode>> NoMembers = new KeyValuePair<string, CatalogJsonNode>[0];

    public CatalogJsonNode(JsonKind kind, int line, int column, string? text = null, bool boolean = false, IReadOnlyList<CatalogJsonNode>? items = null, IReadOnlyList<KeyValuePair<string, CatalogJsonNode>>? members = null)
    {
        Kind = kind;
        Line = line;
        Column = column;
        Text = text;
        Boolean = boolean;
        Items = items ?? NoItems;
        Members = members ?? NoMembers;
    }

    public JsonKind Kind { get; }

    /// <summary>1-based line of the value's first character.</summary>
    public int Line { get; }

    /// <summary>1-based column of the value's first character.</summary>
    public int Column { get; }

    /// <summary>The decoded string, or the number's literal text.</summary>
    public string? Text { get; }

    public bool Boolean { get; }

    public IReadOnlyList<CatalogJsonNode> Items { get; }

    /// <summary>An object's members in file order (a repeated name is refused by the reader).</summary>
    public IReadOnlyList<KeyValuePair<string, CatalogJsonNode>> Members { get; }

    /// <summary>The member named <paramref name="name"/>, or null.</summary>
    public CatalogJsonNode? Member(string name)
    {
        foreach (KeyValuePair<string, CatalogJsonNode> member in Members)
        {
            if (member.Key == name)
            {
                return member.Value;
            }
        }

        return null;
    }

    public string Describe() => Kind switch
    {
        JsonKind.Null => "null",
        JsonKind.Boolean => "a boolean",
        JsonKind.Number => "a number",
        JsonKind.String => "a string",
        JsonKind.Array => "an array",
        _ => "an object",
    };
}
