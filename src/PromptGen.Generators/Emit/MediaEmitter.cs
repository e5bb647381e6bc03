using System.Linq;
using Microsoft.CodeAnalysis.CSharp;
using PromptGen.Generators.Models;

namespace PromptGen.Generators.Emit;

/// <summary>
/// Writes the user turn of a method with media parameters: a <c>UserTurnBuilder</c> given the media placed before the
/// text, the rendered text, then the media placed after it, each in declaration order. Streams are read here, once,
/// with the method's cancellation token, before the request exists.
/// </summary>
internal static class MediaEmitter
{

    /// <summary>Writes the builder's statements and returns the expression that builds the turn.</summary>
    public static string WriteUserTurn(CodeWriter writer, PromptMethodModel method, PromptPlan plan, string renderedText)
    {
        EquatableArray<MediaParameterModel> media = plan.Media;
        string turn = "turn";
        while (method.Parameters.Any(parameter => parameter.Identifier.TrimStart('@') == turn))
        {
            turn += "_";
        }

        string cancellation = method.Parameters.FirstOrDefault(parameter => parameter.IsCancellationToken)?.Identifier ?? "default";
        foreach (MediaParameterModel parameter in media.Where(parameter => !parameter.AcceptsNull && parameter.Shape is not (MediaValueShape.Memory or MediaValueShape.NullableMemory)))
        {
            // A parameter not declared nullable must not lose its attachment silently.
            writer.WriteLine($"global::System.ArgumentNullException.ThrowIfNull({parameter.Identifier});");
        }

        writer.WriteLine($"var {turn} = new {RuntimeTypes.UserTurnBuilder}();");
        foreach (MediaParameterModel parameter in media.Where(parameter => !parameter.AfterText))
        {
            WriteAdd(writer, turn, parameter, cancellation);
        }

        writer.WriteLine($"{turn}.AddText({renderedText});");
        foreach (MediaParameterModel parameter in media.Where(parameter => parameter.AfterText))
        {
            WriteAdd(writer, turn, parameter, cancellation);
        }

        if (plan.Options?.CachePoint is { AfterPrompt: true } cache)
        {
            // The cache point ends the cacheable prefix, so it follows every block of the turn, media included.
            writer.WriteLine($"{turn}.AddCachePoint({InvocationOptionsEmitter.TtlArgument(cache).TrimStart(',', ' ')});");
        }

        return $"{turn}.Build()";
    }

    private static void WriteAdd(CodeWriter writer, string turn, MediaParameterModel parameter, string cancellation)
    {
        string name = parameter.Identifier;
        string value = parameter.Shape switch
        {
            MediaValueShape.MediaObject => name,
            MediaValueShape.MediaCollection => name,
            MediaValueShape.ByteArray when parameter.AcceptsNull => $"{name} is null ? null : {FromBytes(parameter, name)}",
            MediaValueShape.ByteArray => FromBytes(parameter, name),
            MediaValueShape.Memory => FromBytes(parameter, name),
            MediaValueShape.NullableMemory => $"{name}.HasValue ? {FromBytes(parameter, name + ".Value")} : null",
            _ when parameter.AcceptsNull => $"{name} is null ? null : await {FromStream(parameter, name, cancellation)}.ConfigureAwait(false)",
            _ => $"await {FromStream(parameter, name, cancellation)}.ConfigureAwait(false)",
        };
        string method = parameter.Shape == MediaValueShape.MediaCollection ? "AddRange" : "Add";
        writer.WriteLine($"{turn}.{method}({value});");
    }

    private static string FromBytes(MediaParameterModel parameter, string bytes) =>
        $"{TypeName(parameter.Kind)}.FromBytes({bytes}{FormatAndName(parameter)})";

    private static string FromStream(MediaParameterModel parameter, string stream, string cancellation) =>
        $"{TypeName(parameter.Kind)}.FromStreamAsync({stream}{FormatAndName(parameter)}, cancellationToken: {cancellation})";

    /// <summary>", Format.X" and, for documents, ", \"name\""; nothing for an image whose format is detected.</summary>
    private static string FormatAndName(MediaParameterModel parameter)
    {
        string format = parameter.Format is null ? string.Empty : ", " + FormatExpression(parameter);
        return parameter.Kind == MediaKind.Document
            ? $"{format}, {SymbolDisplay.FormatLiteral(parameter.DocumentName ?? "document", quote: true)}"
            : format;
    }

    private static string FormatExpression(MediaParameterModel parameter) =>
        parameter.Format!.StartsWith("(", System.StringComparison.Ordinal)
            ? parameter.Format
            : $"{RuntimeTypes.Api}.{KindName(parameter.Kind)}Format.{parameter.Format}";

    private static string TypeName(MediaKind kind) => $"{RuntimeTypes.Api}.Prompt{KindName(kind)}";

    private static string KindName(MediaKind kind) => kind switch
    {
        MediaKind.Image => "Image",
        MediaKind.Document => "Document",
        _ => "Video",
    };
}
