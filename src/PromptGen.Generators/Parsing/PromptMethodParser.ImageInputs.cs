using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using PromptGen.Generators.Catalog;
using PromptGen.Generators.Diagnostics;
using PromptGen.Generators.Models;

namespace PromptGen.Generators.Parsing;

/// <summary>
/// The image inputs of image and embedding methods. An image method's <c>PromptImage</c> parameters are its source
/// images (image-to-image on Stable Diffusion 3.5 Large; variation, inpainting and outpainting on Nova Canvas and Titan);
/// <c>[Mask]</c> marks the mask, an image (<c>maskImage</c>) or a text naming the area (<c>maskPrompt</c>). An embedding
/// method may embed one <c>PromptImage</c> on Nova Multimodal Embeddings. What a model does not take is PG0225 at the
/// parameter; inputs that do not make a request (a mask with nothing to edit, a mask of another type, two masks) are
/// PG0226; other media (documents, videos, collections, raw bytes) stay PG0022.
/// </summary>
internal sealed partial class PromptMethodParser
{
    /// <summary>The image method's sources and mask as declared; what does not fit any is reported.</summary>
    private (List<IParameterSymbol> Sources, IParameterSymbol? MaskImage, IParameterSymbol? MaskPrompt) ReadImageInputs()
    {
        var sources = new List<IParameterSymbol>();
        IParameterSymbol? maskImage = null, maskPrompt = null;
        foreach (IParameterSymbol parameter in _method.Parameters)
        {
            bool isImage = KnownTypeSymbols.Is(parameter.Type, KnownTypes.PromptImage);
            if (AttributeReader.Find(parameter, KnownTypes.MaskAttribute) is not null)
            {
                bool isText = parameter.Type.SpecialType == SpecialType.System_String;
                if (!isImage && !isText)
                {
                    ReportIncomplete(parameter, $"[Mask] is on '{parameter.Name}', a '{parameter.Type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat)}'; put it on a PromptImage (the mask image) or a string (text naming the area to change)");
                }
                else if (maskImage is not null || maskPrompt is not null)
                {
                    ReportIncomplete(parameter, $"has two masks, '{(maskImage ?? maskPrompt)!.Name}' and '{parameter.Name}'; a request takes one mask image or one mask prompt, so remove one");
                }
                else if (isImage)
                {
                    maskImage = parameter;
                }
                else
                {
                    maskPrompt = parameter;
                }

                continue;
            }

            if (isImage)
            {
                sources.Add(parameter);
                continue;
            }

            ReportOtherMedia(parameter, "declare each source image as its own PromptImage parameter");
        }

        if (sources.Count == 0 && (maskImage ?? maskPrompt) is { } mask)
        {
            ReportIncomplete(mask, $"has the mask '{mask.Name}' but no image to edit; add a PromptImage parameter for the source image");
        }

        return (sources, maskImage, maskPrompt);
    }

    /// <summary>PG0225 for each image input the family does not take; true when all fit.</summary>
    private bool CheckImageInputs(InvokeModelFamily family, string modelId, List<IParameterSymbol> sources, IParameterSymbol? mask)
    {
        int before = _diagnostics.Count;
        switch (family)
        {
            case InvokeModelFamily.StableImage:
                foreach (IParameterSymbol parameter in sources.Concat(mask is null ? Enumerable.Empty<IParameterSymbol>() : new[] { mask }))
                {
                    ReportNotAccepted(parameter, family, modelId, "Stable Image Core and Ultra make images from text only on Bedrock; edit images with stability.sd3-5-large-v1:0 (image-to-image)");
                }

                break;
            case InvokeModelFamily.StableDiffusion35:
                if (mask is not null)
                {
                    ReportNotAccepted(mask, family, modelId, "Stable Diffusion 3.5 Large does image-to-image without a mask on Bedrock; remove [Mask] and the mask");
                }

                foreach (IParameterSymbol extra in sources.Skip(1))
                {
                    ReportNotAccepted(extra, family, modelId, $"image-to-image takes one source image; '{sources[0].Name}' is already one, so remove '{extra.Name}'");
                }

                break;
            default:
                int allowed = mask is null ? 5 : 1;
                foreach (IParameterSymbol extra in sources.Skip(allowed))
                {
                    ReportNotAccepted(extra, family, modelId, mask is null
                        ? "an image variation takes 1 to 5 source images; remove the sixth and later"
                        : $"inpainting and outpainting edit one source image; '{sources[0].Name}' is already one, so remove '{extra.Name}'");
                }

                break;
        }

        return _diagnostics.Count == before;
    }

    /// <summary>The one PromptImage input of an embedding method, or null when its input is not one image.</summary>
    private IParameterSymbol? FindImageEmbeddingInput()
    {
        IParameterSymbol[] inputs = _method.Parameters.Where(parameter => !KnownTypes.IsCancellationToken(parameter.Type)).ToArray();
        return inputs.Length == 1 && KnownTypeSymbols.Is(inputs[0].Type, KnownTypes.PromptImage) && AttributeReader.Find(inputs[0], KnownTypes.MaskAttribute) is null
            ? inputs[0]
            : null;
    }

    /// <summary>An image embedding input that fits the return type and the model; null (and its diagnostic) otherwise.</summary>
    private string? CheckImageEmbeddingInput(IParameterSymbol image, InvokeReturnType returns, InvokeModelFamily family, string modelId)
    {
        if (returns.Many)
        {
            _diagnostics.Add(DiagnosticInfo.Create(
                DiagnosticDescriptors.InvalidEmbeddingInput,
                SourceLocations.Of(image, _location),
                _method.Name,
                $"returns a list of embeddings, but '{image.Name}' is one image; return one embedding"));
            return null;
        }

        if (family != InvokeModelFamily.NovaMultimodalEmbeddings)
        {
            ReportNotAccepted(image, family, modelId, $"{family.DisplayName()} embeds text only in PromptGen; embed images with amazon.nova-2-multimodal-embeddings-v1:0, or take a string");
            return null;
        }

        return ReadParameter(image).Identifier;
    }

    /// <summary>PG0022 for a media parameter no image or embedding model is sent: documents, videos, collections, raw bytes.</summary>
    private void ReportOtherMedia(IParameterSymbol parameter, string imageAdvice)
    {
        (AttributeData Attribute, MediaKind Kind)? attribute = MediaParameters.FindAttribute(parameter, KnownTypes);
        (MediaKind Kind, bool IsCollection)? type = MediaParameters.MediaTypeOf(parameter.Type, KnownTypes);
        if ((attribute?.Kind ?? type?.Kind) is not { } kind || KnownTypeSymbols.Is(parameter.Type, KnownTypes.PromptImage))
        {
            return; // not media, or one PromptImage: an input of the method's own kind, which its reader places or refuses
        }

        string advice = kind != MediaKind.Image ? "remove the parameter"
            : type is { IsCollection: true } ? imageAdvice
            : "take the image as a PromptImage (PromptImage.FromBytes) rather than raw bytes";
        _diagnostics.Add(DiagnosticInfo.Create(
            DiagnosticDescriptors.MediaInputToInvokeMethod,
            SourceLocations.Of(parameter, _location),
            _method.Name,
            parameter.Name,
            kind switch { MediaKind.Image => type is { IsCollection: true } ? "a collection of images" : "an image as raw data", MediaKind.Document => "a document", _ => "a video" },
            advice));
    }

    /// <summary>PG0226 for a [Mask] on a method that is not an image method: nothing would send it as a mask.</summary>
    private void ReportStrayMasks(string why)
    {
        foreach (IParameterSymbol parameter in _method.Parameters.Where(parameter => AttributeReader.Find(parameter, KnownTypes.MaskAttribute) is not null))
        {
            ReportIncomplete(parameter, $"[Mask] on '{parameter.Name}' marks the mask of an image-editing method, but {why}; remove [Mask]");
        }
    }

    private void ReportNotAccepted(IParameterSymbol parameter, InvokeModelFamily family, string modelId, string advice) =>
        _diagnostics.Add(DiagnosticInfo.Create(
            DiagnosticDescriptors.ImageInputNotAccepted,
            SourceLocations.Of(parameter, _location),
            parameter.Name,
            family.DisplayName(),
            modelId,
            advice));

    private void ReportIncomplete(IParameterSymbol parameter, string problem) =>
        _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ImageInputIncomplete, SourceLocations.Of(parameter, _location), _method.Name, problem));
}
