using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using PromptGen.Generators.Catalog;
using PromptGen.Generators.Diagnostics;
using PromptGen.Generators.Models;

namespace PromptGen.Generators.Parsing;

/// <summary>
/// Image and embedding methods (<see cref="InvokeReturnTypes"/>): called with InvokeModel in the body of their model's
/// family, so the model must be one PromptGen writes that body for (PG0223) and each setting one that model takes
/// (PG0224). A chat method aimed at an image or embedding model is PG0223 too.
/// </summary>
internal sealed partial class PromptMethodParser
{
    private const string EmbeddingModels =
        "amazon.titan-embed-text-v2:0, cohere.embed-english-v3, cohere.embed-multilingual-v3, cohere.embed-v4:0 or amazon.nova-2-multimodal-embeddings-v1:0";

    private const string ImageModels =
        "stability.sd3-5-large-v1:0, stability.stable-image-core-v1:1 or stability.stable-image-ultra-v1:1 (Nova Canvas and Titan Image Generator v2 are past their end of life)";

    /// <summary>An embedding method: one text, a collection of texts or (Nova) one image in, vectors out; no template.</summary>
    private PromptMethodModel ParseEmbedding(InvokeReturnType returns)
    {
        int diagnosticsBefore = _diagnostics.Count;
        EquatableArray<ParameterModel> parameters = ReadParameters();
        ReportStrayMasks("an embedding method sends no mask");
        IParameterSymbol? image = FindImageEmbeddingInput();
        foreach (IParameterSymbol parameter in _method.Parameters.Where(parameter => !SymbolEqualityComparer.Default.Equals(parameter, image)))
        {
            ReportOtherMedia(parameter, "embed one PromptImage per call, with Nova Multimodal Embeddings");
        }

        string? input = _diagnostics.Count == diagnosticsBefore && image is null ? FindEmbeddingInput(returns) : null;
        if (_rules.Prompt is { } prompt)
        {
            _diagnostics.Add(DiagnosticInfo.Create(
                DiagnosticDescriptors.InvalidEmbeddingInput,
                AttributeReader.LocationOf(prompt, _location, _cancellationToken),
                _method.Name,
                "has a [Prompt] template, but an embedding method embeds its text as it is; remove [Prompt]"));
        }

        string? modelId = ReadModelId();
        InvokeModelFamily? family = CheckInvokeModel(returns, modelId);
        if (image is not null && family is { } imageFamily && _diagnostics.Count == diagnosticsBefore)
        {
            input = CheckImageEmbeddingInput(image, returns, imageFamily, modelId!);
        }

        EmbeddingPlan? plan = null;
        if (input is not null && family is { } known && _diagnostics.Count == diagnosticsBefore)
        {
            plan = InvokeSettingsReader.ReadEmbedding(
                new EmbeddingPlan(modelId!, EmbeddingFamilyName(known), input, returns.Many, returns.Bare) { ImageInput = image is not null },
                _rules.EmbeddingSettings,
                known,
                _location,
                _diagnostics,
                _cancellationToken);
        }

        bool canGenerate = plan is not null && _diagnostics.Count == diagnosticsBefore;
        return new PromptMethodModel(
            _method.Name,
            _method.ContainingType.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat),
            _method.ReturnType.ToDisplayString(TypeFormat),
            canGenerate ? ReturnKind.Embedding : ReturnKind.Unsupported,
            parameters,
            Plan: null)
        {
            Embedding = canGenerate ? plan : null,
        };
    }

    /// <summary>
    /// An image method: its <c>[Prompt]</c> renders the image prompt, sent with the image settings and, for an editing
    /// method, its source images and mask.
    /// </summary>
    private PromptMethodModel ParseImage(InvokeReturnType returns)
    {
        int diagnosticsBefore = _diagnostics.Count;
        EquatableArray<ParameterModel> parameters = ReadParameters();
        (List<IParameterSymbol> sources, IParameterSymbol? maskImage, IParameterSymbol? maskPrompt) = ReadImageInputs();
        bool templatesValid = CheckTemplates();
        string? modelId = ReadModelId();
        InvokeModelFamily? family = CheckInvokeModel(returns, modelId);
        ImagePlan? image = null;
        if (family is { } known && CheckImageInputs(known, modelId!, sources, maskImage ?? maskPrompt))
        {
            var declared = new ImagePlan(known.IsStability() ? "Stability" : "Amazon", returns.Many)
            {
                SourceImages = sources.Select(source => ReadParameter(source).Identifier).ToEquatableArray(),
                MaskImage = maskImage is null ? null : ReadParameter(maskImage).Identifier,
                MaskPrompt = maskPrompt is null ? null : ReadParameter(maskPrompt).Identifier,
            };
            image = InvokeSettingsReader.ReadImage(declared, _rules.ImageSettings, known, modelId!, _location, _diagnostics, _cancellationToken);
            if (known == InvokeModelFamily.StableDiffusion35 && sources.Count > 0 && image.Strength is null)
            {
                ReportIncomplete(sources[0], $"'{sources[0].Name}' makes this an image-to-image call, which Stable Diffusion 3.5 Large takes only with a strength; add [ImageGeneration(Strength = 0.6)] (0 keeps the image, 1 ignores it)");
            }

            image = image with { EditTask = EditTask(known, image) };
        }

        // Source images and the mask image travel beside the prompt, so the template does not see them.
        parameters = parameters.Select(parameter => image is not null && (image.SourceImages.Contains(parameter.Identifier) || parameter.Identifier == image.MaskImage)
            ? parameter with { IsMedia = true }
            : parameter).ToEquatableArray();
        bool canGenerate = templatesValid && image is not null && _diagnostics.Count == diagnosticsBefore;
        PromptPlan? plan = canGenerate && _rules.UserTemplate is { } userTemplate
            ? CompileTemplates(new PromptPlan(modelId!, userTemplate, SystemTemplate: null, InferenceModel.None, Result: null) { Image = image })
            : null;
        return new PromptMethodModel(
            _method.Name,
            _method.ContainingType.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat),
            _method.ReturnType.ToDisplayString(TypeFormat),
            plan is null ? ReturnKind.Unsupported : ReturnKind.Image,
            parameters,
            plan);
    }

    /// <summary>The Amazon task of an editing method: a variation without a mask, inpainting or outpainting with one.</summary>
    private static string? EditTask(InvokeModelFamily family, ImagePlan image) =>
        family.IsStability() || image.SourceImages.IsEmpty ? null
        : image.MaskImage is null && image.MaskPrompt is null ? "IMAGE_VARIATION"
        : image.OutpaintingMode is not null ? "OUTPAINTING"
        : "INPAINTING";

    /// <summary>The parameter holding the text or texts to embed; null (and PG0021) when there is not exactly one that fits.</summary>
    private string? FindEmbeddingInput(InvokeReturnType returns)
    {
        IParameterSymbol[] inputs = _method.Parameters.Where(parameter => !KnownTypes.IsCancellationToken(parameter.Type)).ToArray();
        if (inputs.Length != 1)
        {
            string problem = inputs.Length == 0
                ? "takes no text to embed; add a string parameter (one vector) or an IEnumerable<string> parameter (a vector per text)"
                : $"takes {inputs.Length} inputs ({string.Join(", ", inputs.Select(input => "'" + input.Name + "'"))}); it embeds one string or one collection of strings, so remove the others";
            _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidEmbeddingInput, _location, _method.Name, problem));
            return null;
        }

        IParameterSymbol parameter = inputs[0];
        bool isString = parameter.Type.SpecialType == SpecialType.System_String;
        bool isTexts = !isString && IsStrings(parameter.Type);
        string? mismatch = (returns.Many, isString, isTexts) switch
        {
            (false, true, _) or (true, _, true) => null,
            (false, _, true) => $"returns one embedding, but '{parameter.Name}' is a collection; return IReadOnlyList<...> of them or take one string",
            (true, true, _) => $"returns a list of embeddings, but '{parameter.Name}' is one string; take an IEnumerable<string> or IReadOnlyList<string>, or return one embedding",
            _ => $"embeds '{parameter.Name}', a '{parameter.Type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat)}'; embed a string or a collection of strings",
        };
        if (mismatch is not null)
        {
            _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidEmbeddingInput, SourceLocations.Of(parameter, _location), _method.Name, mismatch));
            return null;
        }

        return ReadParameter(parameter).Identifier;
    }

    /// <summary>IEnumerable&lt;string&gt; itself or a type implementing it (arrays, lists, IReadOnlyList&lt;string&gt;...).</summary>
    private bool IsStrings(ITypeSymbol type) =>
        KnownTypes.Enumerable is { } enumerable
        && new[] { type }.Concat(type.AllInterfaces).Any(candidate =>
            KnownTypeSymbols.IsConstructionOf(candidate, enumerable)
            && ((INamedTypeSymbol)candidate).TypeArguments[0].SpecialType == SpecialType.System_String);

    /// <summary>The body family of the method's model; null, with PG0223, when the model does not make what the method returns.</summary>
    private InvokeModelFamily? CheckInvokeModel(InvokeReturnType returns, string? modelId)
    {
        if (string.IsNullOrWhiteSpace(modelId))
        {
            return null; // PG0200 said so, or the attribute does not compile
        }

        bool embedding = returns.Kind == InvokeKind.Embedding;
        if (InvokeModelFamilies.For(modelId) is { } family && (embedding ? family.IsEmbedding() : family.IsImage()))
        {
            return family;
        }

        string what = ModelCatalog.Find(modelId!).Model?.Modality switch
        {
            ModelModality.Chat => "is a chat model",
            ModelModality.Image => "is an image model",
            ModelModality.Embedding => "is an embedding model",
            _ => $"is not {(embedding ? "an embedding" : "an image")} model whose body PromptGen writes",
        };
        ReportModality(InvokeReturnTypes.Describe(returns), modelId!, what, "name " + (embedding ? EmbeddingModels : ImageModels));
        return null;
    }

    /// <summary>PG0223 for a chat method (text, typed result or stream) whose model makes images or embeddings.</summary>
    private bool CheckChatModel(PromptReturnType returns, string? modelId)
    {
        if (string.IsNullOrWhiteSpace(modelId) || ModelCatalog.Find(modelId!).Model is not { Modality: not ModelModality.Chat } model)
        {
            return true;
        }

        string made = returns.IsStreaming ? "a stream of text" : returns.ResultType is null ? "text" : "a typed result";
        bool image = model.Modality == ModelModality.Image;
        ReportModality(
            made,
            modelId!,
            image ? "is an image model" : "is an embedding model",
            image
                ? "call a chat model, or return GeneratedImage or IReadOnlyList<GeneratedImage> to make images"
                : "call a chat model, or return Embedding<float>, ReadOnlyMemory<float> or an IReadOnlyList of them to embed");
        return false;
    }

    private void ReportModality(string made, string modelId, string what, string advice)
    {
        // At the method's own [Model] literal; a model the method inherits is reported at the method, which is what needs changing.
        Location location = _rules.Model is { Source: ModelSource.Method, Attribute: { } attribute }
            && AttributeReader.FirstArgumentSyntax(attribute, _cancellationToken) is { } literal
            ? literal.GetLocation()
            : _location;
        _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ModelModalityMismatch, location, _method.Name, made, modelId, what, advice));
    }

    private static string EmbeddingFamilyName(InvokeModelFamily family) => family switch
    {
        InvokeModelFamily.TitanTextEmbeddingsV2 => "TitanText",
        InvokeModelFamily.NovaMultimodalEmbeddings => "NovaMultimodal",
        _ => "Cohere",
    };
}
