using PromptGen.Generators.Models;

namespace PromptGen.Generators.Emit;

/// <summary>Writes the partial counterparts of streamed result types, inside the interface's partial declaration.</summary>
internal static class StreamingPartialTypeEmitter
{
    public static void Emit(CodeWriter writer, StreamingPartialTypes types)
    {
        foreach (ObjectShape shape in types.Objects)
        {
            if (types.IsInherited(shape.Id))
            {
                continue;
            }

            writer.WriteLine();
            writer.WriteLine("/// <summary>");
            writer.WriteLine($"/// <see cref=\"{shape.TypeName}\"/> while it streams in: a member is null until the model has written it");
            writer.WriteLine("/// completely; lists grow by completed elements, and an object being written shows the members it has so far.");
            writer.WriteLine("/// </summary>");
            writer.WriteLine(PromptClientEmitter.GeneratedCodeAttribute);
            writer.WriteLine($"public sealed record {types.NameOf(shape.Id)}");
            writer.OpenBlock();
            for (int i = 0; i < shape.Properties.Count; i++)
            {
                PropertyShape property = shape.Properties[i];
                if (i > 0)
                {
                    writer.WriteLine();
                }

                writer.WriteLine($"/// <summary>{XmlText(property.Description) ?? $"<see cref=\"{shape.TypeName}.{property.PropertyName}\"/>, once written."}</summary>");
                writer.WriteLine($"public {types.MemberTypeOf(property.Type)} {property.PropertyName} {{ get; init; }}");
            }

            writer.CloseBlock();
        }
    }

    private static string? XmlText(string? text) =>
        text?.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;").Replace("\r", " ").Replace("\n", " ");
}
