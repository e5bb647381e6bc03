using System;
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
/// (PG0224). A chat method aimed at an image or embedding model is PG0223 too. What the model is, is the project's
/// catalog's to say, which the parser cannot see: where the built-in catalog cannot tell, the outcomes wait for it as
/// <see cref="CatalogChecks"/>.
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
        InvokeModelFamily? family = InvokeFamily(modelId, embedding: returns.Kind == InvokeKind.Embedding);
        if (family is null && !string.IsNullOrWhiteSpace(modelId))
        {
            // The built-in catalog cannot tell the body: the method as each embedding family would have it, for the
            // project's catalog to choose from (CatalogChecks).
            return WithFamilyCheck(returns, modelId!, parameters, (parser, candidate) =>
                parser.EmbeddingFor(returns, candidate, modelId!, parameters, image, input, diagnosticsBefore));
        }

        return EmbeddingFor(returns, family, modelId, parameters, image, input, diagnosticsBefore);
    }

    /// <summary>The embedding method once its model's body family is known (null: no model, PG0200 said so).</summary>
    private PromptMethodModel EmbeddingFor(
        InvokeReturnType returns, InvokeModelFamily? family, string? modelId, EquatableArray<ParameterModel> parameters, IParameterSymbol? image, string? input, int diagnosticsBefore)
    {
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
        InvokeModelFamily? family = InvokeFamily(modelId, embedding: returns.Kind == InvokeKind.Embedding);
        if (family is null && !string.IsNullOrWhiteSpace(modelId))
        {
            return WithFamilyCheck(returns, modelId!, parameters, (parser, candidate) =>
                parser.ImageFor(returns, candidate, modelId!, parameters, sources, maskImage, maskPrompt, templatesValid, diagnosticsBefore));
        }

        return ImageFor(returns, family, modelId, parameters, sources, maskImage, maskPrompt, templatesValid, diagnosticsBefore);
    }

    /// <summary>The image method once its model's body family is known (null: no model, PG0200 said so).</summary>
    private PromptMethodModel ImageFor(
        InvokeReturnType returns,
        InvokeModelFamily? family,
        string? modelId,
        EquatableArray<ParameterModel> parameters,
        List<IParameterSymbol> sources,
        IParameterSymbol? maskImage,
        IParameterSymbol? maskPrompt,
        bool templatesValid,
        int diagnosticsBefore)
    {
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

    /// <summary>
    /// The body family of the method's model as the built-in catalog tells it (<see cref="InvokeModelFamilies.For"/>),
    /// when it is of the method's kind; null when there is no model or the built-in catalog cannot tell, and the
    /// project's catalog decides (<see cref="WithFamilyCheck"/>).
    /// </summary>
    private static InvokeModelFamily? InvokeFamily(string? modelId, bool embedding) =>
        !string.IsNullOrWhiteSpace(modelId) && InvokeModelFamilies.For(modelId, ModelCatalog.BuiltIn) is { } family && family.IsEmbedding() == embedding
            ? family
            : null;

    /// <summary>
    /// An image or embedding method whose model's family the built-in catalog cannot tell: modelled as unsupported,
    /// with what each family of its kind would make of it and the PG0223 to report when the project's catalog names
    /// none either (<see cref="InvokeFamilyCheck"/>). Each family is parsed with its own copy of the findings so far.
    /// </summary>
    private PromptMethodModel WithFamilyCheck(
        InvokeReturnType returns,
        string modelId,
        EquatableArray<ParameterModel> parameters,
        Func<PromptMethodParser, InvokeModelFamily, PromptMethodModel> parse)
    {
        bool embedding = returns.Kind == InvokeKind.Embedding;
        var outcomes = new List<FamilyOutcome>();
        foreach (InvokeModelFamily candidate in InvokeModelFamilies.All.Where(family => family.IsEmbedding() == embedding))
        {
            var findings = new List<DiagnosticInfo>(_diagnostics);
            PromptMethodModel method = parse(new PromptMethodParser(_method, _client, _location, findings, _cancellationToken), candidate);
            outcomes.Add(new FamilyOutcome(candidate, method, findings.Skip(_diagnostics.Count).ToEquatableArray()));
        }

        // The model's kind is filled in by the catalog that decides (ModelModalityWording).
        DiagnosticInfo unmatched = ModalityMismatch(InvokeReturnTypes.Describe(returns), modelId, string.Empty, "name " + (embedding ? EmbeddingModels : ImageModels));
        return new PromptMethodModel(
            _method.Name,
            _method.ContainingType.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat),
            _method.ReturnType.ToDisplayString(TypeFormat),
            ReturnKind.Unsupported,
            parameters,
            Plan: null)
        {
            CatalogChecks = new CatalogChecks { InvokeFamily = new InvokeFamilyCheck(modelId, embedding, unmatched, outcomes.ToEquatableArray()) },
        };
    }

    /// <summary>
    /// A chat method (text, typed result or stream) must not call a model that makes images or embeddings (PG0223);
    /// whether it does is the project's catalog's to say, so both findings wait for it.
    /// </summary>
    private ChatModelCheck? ChatModelCheck(PromptReturnType returns, string? modelId)
    {
        if (string.IsNullOrWhiteSpace(modelId))
        {
            return null;
        }

        string made = returns.IsStreaming ? "a stream of text" : returns.ResultType is null ? "text" : "a typed result";
        return new ChatModelCheck(
            modelId!,
            ModalityMismatch(made, modelId!, "is an image model", "call a chat model, or return GeneratedImage or IReadOnlyList<GeneratedImage> to make images"),
            ModalityMismatch(made, modelId!, "is an embedding model", "call a chat model, or return Embedding<float>, ReadOnlyMemory<float> or an IReadOnlyList of them to embed"));
    }

    private DiagnosticInfo ModalityMismatch(string made, string modelId, string what, string advice)
    {
        // At the method's own [Model] literal; a model the method inherits is reported at the method, which is what needs changing.
        Location location = _rules.Model is { Source: ModelSource.Method, Attribute: { } attribute }
            && AttributeReader.FirstArgumentSyntax(attribute, _cancellationToken) is { } literal
            ? literal.GetLocation()
            : _location;
        return DiagnosticInfo.Create(DiagnosticDescriptors.ModelModalityMismatch, location, _method.Name, made, modelId, what, advice);
    }

    private static string EmbeddingFamilyName(InvokeModelFamily family) => family switch
    {
        InvokeModelFamily.TitanTextEmbeddingsV2 => "TitanText",
        InvokeModelFamily.NovaMultimodalEmbeddings => "NovaMultimodal",
        _ => "Cohere",
    };
}
