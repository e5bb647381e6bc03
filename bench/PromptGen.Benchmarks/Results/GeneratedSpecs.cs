using System;
using System.Linq;
using System.Reflection;
using PromptGen.CompilerServices;

namespace PromptGen.Benchmarks.Results;

/// <summary>
/// The generated clients keep each typed method's <see cref="StructuredOutputSpec{T}"/> (schema plus generated parser)
/// in a private static field of the implementation nested in the interface. The benchmarks read it once, in setup, to
/// call the parser alone.
/// </summary>
internal static class GeneratedSpecs
{
    public static StructuredOutputSpec<T> Of<T>(Type promptInterface, string fieldName)
    {
        Type implementation = promptInterface.Assembly.GetTypes()
            .Single(type => type.GetInterfaces().Contains(promptInterface) && !type.IsInterface);
        FieldInfo field = implementation.GetField(fieldName, BindingFlags.NonPublic | BindingFlags.Static)
            ?? throw new InvalidOperationException($"{implementation.Name} has no field {fieldName}.");
        return (StructuredOutputSpec<T>)field.GetValue(null)!;
    }
}
