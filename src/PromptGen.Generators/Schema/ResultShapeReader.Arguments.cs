using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using PromptGen.Generators.Models;

namespace PromptGen.Generators.Schema;

// A tool's parameters read as one JSON object: the tool's input schema and the shape its invoker parses.
internal sealed partial class ResultShapeReader
{
    /// <summary>
    /// The DataAnnotations attributes on a tool's parameters that do not fit their types (PG0305): the model's input
    /// is checked against them as against a result's members (<see cref="ConstraintFit"/>). Every parameter is read,
    /// whatever the others are; one whose type has no JSON shape or does not compile has none.
    /// </summary>
    public static IReadOnlyList<ConstraintMisfit> ReadArgumentMisfits(IReadOnlyList<IParameterSymbol> parameters, CancellationToken cancellationToken)
    {
        var misfits = new List<ConstraintMisfit>();
        foreach (IParameterSymbol parameter in parameters)
        {
            var reader = new ResultShapeReader(cancellationToken) { _member = parameter };
            if (reader.Describe(parameter.Type, "$." + parameter.Name) is { } type && !reader._unresolved)
            {
                misfits.AddRange(ConstraintFit.Misfits(parameter, type));
            }
        }

        return misfits;
    }

    /// <summary>
    /// Describes <paramref name="parameters"/> as the members of one object, constructed as
    /// <paramref name="typeName"/>(parameter values in order). A parameter is required unless it is nullable or has
    /// a default value. On failure, names the parameter whose type has no JSON shape; all three are null when a type
    /// does not compile.
    /// </summary>
    public static (ResultModel? Model, IParameterSymbol? Culprit, string? Problem) ReadArguments(
        IReadOnlyList<IParameterSymbol> parameters, string typeName, string id, CancellationToken cancellationToken)
    {
        var reader = new ResultShapeReader(cancellationToken);
        reader._objects[id] = null;
        var properties = new List<PropertyShape>();
        for (int i = 0; i < parameters.Count; i++)
        {
            IParameterSymbol parameter = parameters[i];
            reader._member = parameter;
            TypeRef? type = reader.Describe(parameter.Type, "$." + parameter.Name);
            if (reader._unresolved)
            {
                return (null, null, null); // a type that does not compile: the compiler says so
            }

            if (type is null || reader.Problem is not null)
            {
                return (null, parameter, reader.Problem ?? $"'{parameter.Type.ToDisplayString()}' has no JSON shape");
            }

            properties.Add(new PropertyShape(
                parameter.Name,
                parameter.Name,
                type,
                !type.IsNullable && !parameter.HasExplicitDefaultValue,
                DescriptionOf(parameter),
                ConstraintReader.Read(null, parameter),
                i,
                parameter.HasExplicitDefaultValue ? DefaultLiteral(parameter) : null));
        }

        var shape = new ObjectShape(id, typeName, typeName, null, false, properties.ToEquatableArray());
        reader._objects[id] = shape;
        reader._objectOrder.Insert(0, id);
        var root = new TypeRef(ValueKind.Object, typeName, false, false, id, null, CollectionShape.None);
        ObjectShape[] objects = reader._objectOrder.Select(objectId => reader._objects[objectId]!).ToArray();
        var model = new ResultModel(root, false, typeName, string.Empty, objects.ToEquatableArray(), reader._enums.Values.ToEquatableArray());
        return (model with { SchemaJson = JsonSchemaWriter.Write(model) }, null, null);
    }
}
