using System.Collections.Generic;
using System.Globalization;
using Microsoft.CodeAnalysis.CSharp;
using PromptGen.Generators.Models;

namespace PromptGen.Generators.Emit;

/// <summary>
/// Image and embedding methods: one spec field per method (model, family and settings, as the build checked them) and
/// one call into the runtime, which writes the body, batches, calls InvokeModel and reads the answer.
/// </summary>
internal static class InvokeMethodEmitter
{
    public static void WriteFields(CodeWriter writer, PromptMethodModel method, string memberName)
    {
        if (method.Embedding is { } embedding)
        {
            var members = new List<string>();
            Add(members, "Dimensions", embedding.Dimensions);
            if (embedding.Normalize is { } normalize)
            {
                members.Add("Normalize = " + (normalize ? "true" : "false"));
            }

            Add(members, "InputType", embedding.InputType);
            Add(members, "Truncation", embedding.Truncation);
            WriteSpec(writer, RuntimeTypes.EmbeddingSpec, SpecField(memberName, embedding: true), embedding.ModelId, $"{RuntimeTypes.EmbeddingFamily}.{embedding.Family}", members);
        }
        else if (method.Plan is { Image: { } image } plan)
        {
            var members = new List<string>();
            Add(members, "Width", image.Width);
            Add(members, "Height", image.Height);
            Add(members, "AspectRatio", image.AspectRatio);
            Add(members, "NumberOfImages", image.NumberOfImages);
            if (image.Seed is { } seed)
            {
                members.Add("Seed = " + seed.ToString(CultureInfo.InvariantCulture));
            }

            Add(members, "NegativePrompt", image.NegativePrompt);
            Add(members, "Style", image.Style);
            Add(members, "Quality", image.Quality);
            Add(members, "OutputFormat", image.OutputFormat);
            if (image.CfgScale is { } cfg)
            {
                members.Add("CfgScale = " + cfg.ToString("R", CultureInfo.InvariantCulture));
            }

            Add(members, "EditTask", image.EditTask);
            AddDouble(members, "Strength", image.Strength);
            AddDouble(members, "Similarity", image.Similarity);
            Add(members, "OutpaintingMode", image.OutpaintingMode);

            WriteSpec(writer, RuntimeTypes.ImageSpec, SpecField(memberName, embedding: false), plan.ModelId, $"{RuntimeTypes.ImageFamily}.{image.Family}", members);
        }
    }

    /// <summary>The body of an embedding method: one awaited call, so the prompt is named in logs and traces.</summary>
    public static void WriteEmbeddingCall(CodeWriter writer, PromptMethodModel method, EmbeddingPlan embedding, string memberName, string bedrock, string cancellation)
    {
        string call = (embedding.Many, embedding.Bare) switch
        {
            (false, false) => embedding.ImageInput ? "EmbedImageAsync" : "EmbedAsync",
            (false, true) => embedding.ImageInput ? "EmbedImageVectorAsync" : "EmbedVectorAsync",
            (true, false) => "EmbedManyAsync",
            _ => "EmbedVectorsAsync",
        };
        WriteReturn(writer, $"{RuntimeTypes.Embeddings}.{call}", bedrock, SpecField(memberName, embedding: true), embedding.InputParameter, cancellation);
    }

    /// <summary>The call of an image method, given the rendered prompt.</summary>
    public static void WriteImageCall(CodeWriter writer, ImagePlan image, string memberName, string bedrock, string prompt, string cancellation)
    {
        if (image.SourceImages.IsEmpty)
        {
            string call = image.Many ? "GenerateAsync" : "GenerateOneAsync";
            WriteReturn(writer, $"{RuntimeTypes.ImageGeneration}.{call}", bedrock, SpecField(memberName, embedding: false), prompt, cancellation);
            return;
        }

        // An editing method: its source images, then the mask image and mask prompt (null when it has none).
        string edit = image.Many ? "EditAsync" : "EditOneAsync";
        string[] arguments =
        {
            bedrock,
            SpecField(memberName, embedding: false),
            prompt,
            $"new {RuntimeTypes.PromptImage}[] {{ {string.Join(", ", image.SourceImages)} }}",
            image.MaskImage ?? "null",
            image.MaskPrompt ?? "null",
            cancellation,
        };
        writer.WriteLine($"return await {RuntimeTypes.ImageGeneration}.{edit}(");
        writer.Indent++;
        for (int i = 0; i < arguments.Length; i++)
        {
            writer.WriteLine(arguments[i] + (i < arguments.Length - 1 ? "," : ").ConfigureAwait(false);"));
        }

        writer.Indent--;
    }

    private static void WriteReturn(CodeWriter writer, string method, string bedrock, string spec, string input, string cancellation)
    {
        string line = $"return await {method}({bedrock}, {spec}, {input}, {cancellation}).ConfigureAwait(false);";
        if (writer.Fits(line))
        {
            writer.WriteLine(line);
            return;
        }

        writer.WriteLine($"return await {method}(");
        writer.Indent++;
        writer.WriteLine($"{bedrock}, {spec}, {input}, {cancellation}).ConfigureAwait(false);");
        writer.Indent--;
    }

    internal static string SpecField(string memberName, bool embedding) => memberName + (embedding ? "Embedding" : "Image");

    private static void WriteSpec(CodeWriter writer, string type, string name, string modelId, string family, List<string> members)
    {
        string creation = $"new({SymbolDisplay.FormatLiteral(modelId, quote: true)}, {family})";
        string head = $"private static readonly {type} {name}";
        if (members.Count == 0)
        {
            if (writer.Fits($"{head} = {creation};"))
            {
                writer.WriteLine($"{head} = {creation};");
            }
            else
            {
                writer.WriteLine($"{head} =");
                writer.Indent++;
                writer.WriteLine(creation + ";");
                writer.Indent--;
            }
        }
        else
        {
            writer.WriteNewObject(head, members, creation);
        }

        writer.WriteLine();
    }

    private static void Add(List<string> members, string name, int? value)
    {
        if (value is { } set)
        {
            members.Add($"{name} = {set.ToString(CultureInfo.InvariantCulture)}");
        }
    }

    private static void AddDouble(List<string> members, string name, double? value)
    {
        if (value is { } set)
        {
            members.Add($"{name} = {set.ToString("R", CultureInfo.InvariantCulture)}");
        }
    }

    private static void Add(List<string> members, string name, string? value)
    {
        if (value is not null)
        {
            members.Add($"{name} = {SymbolDisplay.FormatLiteral(value, quote: true)}");
        }
    }
}
