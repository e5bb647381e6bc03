using System.Collections.Generic;
using System.Globalization;
using PromptGen.Generators.Models;

namespace PromptGen.Generators.Emit;

/// <summary>
/// The partial counterparts of the result types an interface streams: one per object shape reachable from a
/// streamed result, named <c>{Type}Partial</c> and nested in the interface (which is partial already, so the name
/// the user writes in <c>ResultStream&lt;T, TPartial&gt;</c> always resolves, and two interfaces never collide).
/// A shape that an inherited [PromptClient] interface streams is that interface's partial type: this one inherits it
/// (declaring it again would hide it, and the inherited methods return the base's type).
/// </summary>
internal sealed class StreamingPartialTypes
{
    private const string Collections = "global::System.Collections.Generic";

    private readonly Dictionary<string, string> _names = new();
    private readonly Dictionary<string, string> _inheritedFrom = new();
    private readonly List<ObjectShape> _objects = new();
    private readonly Dictionary<string, EnumShape> _enums = new();
    private readonly List<ResultPlan> _listRoots = new();
    private readonly string _interface;

    private StreamingPartialTypes(string fullyQualifiedInterfaceName)
    {
        _interface = fullyQualifiedInterfaceName;
    }

    public IReadOnlyList<ObjectShape> Objects => _objects;

    public IEnumerable<EnumShape> Enums => _enums.Values;

    /// <summary>The streamed results that are lists: each gets a factory of its list builder.</summary>
    public IReadOnlyList<ResultPlan> ListRoots => _listRoots;

    public bool IsEmpty => _objects.Count == 0 && _listRoots.Count == 0;

    public static StreamingPartialTypes Of(PromptClientModel model)
    {
        var types = new StreamingPartialTypes(model.FullyQualifiedInterfaceName);

        // The most basic interfaces first: a shape belongs to the first one that streams it, named as it names it.
        var bases = new List<BasePromptClientModel>(model.BasePromptClients);
        bases.Sort((left, right) => left.Interfaces.Count.CompareTo(right.Interfaces.Count));
        foreach (BasePromptClientModel baseClient in bases)
        {
            StreamingPartialTypes inherited = Of(model.Inherited(baseClient));
            foreach (KeyValuePair<string, string> name in inherited._names)
            {
                if (!types._names.ContainsKey(name.Key) && !types._names.ContainsValue(name.Value))
                {
                    types._names[name.Key] = name.Value;
                    types._inheritedFrom[name.Key] = baseClient.FullyQualifiedName;
                }
            }
        }

        var streamed = new List<ResultPlan>();
        foreach (PromptMethodModel method in model.Methods)
        {
            if (method.StreamedResult is { StreamedPartialType: not null } result)
            {
                streamed.Add(result);
            }
        }

        // Roots first (the root object, or a list's element object), with the names their methods declare; then
        // every other shape they reach.
        foreach (ResultPlan result in streamed)
        {
            TypeRef root = result.Model.Root;
            if (root.Kind == ValueKind.List && !types._listRoots.Exists(known => known.Model.Equals(result.Model)))
            {
                types._listRoots.Add(result);
            }

            string? rootId = root.Kind == ValueKind.Object ? root.ShapeId : root.Element?.ShapeId;
            if (rootId is not null && result.PartialTypeName is { } name && !types._names.ContainsKey(rootId) && !types._names.ContainsValue(name))
            {
                types._names[rootId] = name;
            }
        }

        foreach (ResultPlan result in streamed)
        {
            foreach (ObjectShape shape in result.Model.Objects)
            {
                if (!types._names.ContainsKey(shape.Id))
                {
                    types._names[shape.Id] = types.UniqueName(shape.DisplayName + "Partial");
                }

                if (!types._objects.Exists(existing => existing.Id == shape.Id))
                {
                    types._objects.Add(shape);
                }
            }

            foreach (EnumShape shape in result.Model.Enums)
            {
                types._enums[shape.Id] = shape;
            }
        }

        return types;
    }

    /// <summary>The simple name of the partial type of an object shape.</summary>
    public string NameOf(string shapeId) => _names[shapeId];

    public string QualifiedNameOf(string shapeId) =>
        (_inheritedFrom.TryGetValue(shapeId, out string? owner) ? owner : _interface) + "." + _names[shapeId];

    /// <summary>Whether the partial type of the shape is an inherited interface's, so this one does not declare it.</summary>
    public bool IsInherited(string shapeId) => _inheritedFrom.ContainsKey(shapeId);

    public EnumShape EnumOf(string shapeId) => _enums[shapeId];

    /// <summary>
    /// How a value of <paramref name="type"/> looks in a partial: objects become their partial types, lists and
    /// dictionaries read-only views of partial elements; scalars stay as they are.
    /// </summary>
    /// <param name="type">The type in the result.</param>
    /// <param name="simpleNames">
    /// Partial types by their simple names, for code nested in the interface, where nothing else can have them.
    /// </param>
    public string PartialTypeOf(TypeRef type, bool simpleNames = false)
    {
        string core = type.Kind switch
        {
            ValueKind.Object => simpleNames ? NameOf(type.ShapeId!) : QualifiedNameOf(type.ShapeId!),
            ValueKind.List => $"{Collections}.IReadOnlyList<{PartialTypeOf(type.Element!, simpleNames)}>",
            ValueKind.Dictionary => $"{Collections}.IReadOnlyDictionary<string, {PartialTypeOf(type.Element!, simpleNames)}>",
            _ => NonNullable(type.TypeName),
        };
        return type.IsNullable ? core + "?" : core;
    }

    /// <summary>A member of a partial: always nullable, since it is null until the model has written it.</summary>
    public string MemberTypeOf(TypeRef type, bool simpleNames = false) => NonNullable(PartialTypeOf(type, simpleNames)) + "?";

    public static bool IsContainer(TypeRef type) => type.Kind is ValueKind.Object or ValueKind.List or ValueKind.Dictionary;

    public static bool IsValueType(TypeRef type) => type.Kind is not (ValueKind.String or ValueKind.Uri or ValueKind.Object or ValueKind.List or ValueKind.Dictionary);

    public static string NonNullable(string typeName) =>
        typeName.EndsWith("?", System.StringComparison.Ordinal) ? typeName.Substring(0, typeName.Length - 1) : typeName;

    private string UniqueName(string name)
    {
        string candidate = name;
        for (int suffix = 2; _names.ContainsValue(candidate); suffix++)
        {
            candidate = name + suffix.ToString(CultureInfo.InvariantCulture);
        }

        return candidate;
    }
}
