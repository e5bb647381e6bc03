using System.Linq;

namespace PromptGen.Generators.Models;

/// <summary>
/// Which prompt methods get a descriptor, and in words why one gets none: the emitter asks whether to write one, the
/// parser reports the reason (PG0023) on a method of an interface marked [PromptDescriptors]. One rule for both, so
/// the message never disagrees with the generated list.
/// </summary>
internal static class DescriptorSupport
{
    /// <summary>
    /// Why <paramref name="method"/> gets no descriptor for what it does; null when it can have one (one Converse call
    /// or stream (of text or of a typed result's partial values) built from its arguments alone, an InvokeModel embedding of text, or an image generated from a compiled prompt). Whether its arguments read from JSON is checked apart, by
    /// <see cref="PromptMethodModel.DescriptorArguments"/>.
    /// </summary>
    public static string? KindProblem(PromptMethodModel method)
    {
        // An embedding method has no prompt plan: its InvokeModel body is built from its one input, text or texts.
        if (method.Embedding is { } embedding)
        {
            return embedding.ImageInput ? "it embeds an image, which descriptors do not read from JSON yet" : null;
        }

        if (method.Plan is not { } plan)
        {
            return "it cannot be generated";
        }

        if (plan.Image is { } image)
        {
            // The descriptor renders the prompt with the compiled template; editing needs source images as well.
            if (plan.Retrieval is not null)
            {
                return "its image prompt needs passages retrieved first, which image descriptors do not do";
            }

            if (!image.SourceImages.IsEmpty)
            {
                return "it edits images, whose source images descriptors do not read from JSON yet";
            }

            return plan.CompiledUserTemplate is null
                ? "its image prompt is rendered by Scriban at run time (PG0150), which image descriptors do not do"
                : null;
        }

        // The request builder a descriptor calls renders the templates without the passages a retrieval brings.
        if (plan.Retrieval is not null)
        {
            return "it retrieves passages before its call, which descriptors do not do yet";
        }

        if (method.Tools is not null)
        {
            return "it calls tools, whose loop needs the tool instances the caller passes; a page cannot build them from JSON";
        }

        // PromptImage, PromptDocument and PromptVideo arguments are read from {"format","base64"}; raw bytes and
        // streams have no format of their own to read, and lists of media no file picker yet.
        if (plan.Media.Any(media => media.Shape != MediaValueShape.MediaObject))
        {
            return "it takes media as raw bytes, a stream or a list, which descriptors do not read from JSON (take a PromptImage, PromptDocument or PromptVideo)";
        }

        // A history whose type the descriptor cannot build is reported at the parameter (PromptDescriptorReader).

        return method.ReturnKind switch
        {
            ReturnKind.TaskOfString or ReturnKind.ValueTaskOfString or ReturnKind.TaskOfResult or ReturnKind.ValueTaskOfResult
                or ReturnKind.TextStream or ReturnKind.PromptStream => null,
            // Streamed as the method streams: the partial values its generated builder reads, written back as JSON.
            ReturnKind.ResultStream => plan.Result is { StreamedPartialType: not null } ? null : "it cannot be generated",
            _ => "it cannot be generated",
        };
    }

    /// <summary>The method gets a descriptor (when its interface has them at all).</summary>
    public static bool IsDescribable(PromptMethodModel method) => method.DescriptorArguments is not null && KindProblem(method) is null;
}
