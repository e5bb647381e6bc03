using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using PromptGen.Generators.Diagnostics;
using PromptGen.Generators.Models;

namespace PromptGen.Generators.Parsing;

/// <summary>
/// Reads a method's media parameters into models, reporting what cannot be generated (PG0010–PG0013) at the attribute,
/// its argument or the parameter. A binary parameter without an attribute is not media (the PG0213 analyzer says so).
/// </summary>
internal static class MediaParameterReader
{
    public static EquatableArray<MediaParameterModel> Read(
        IMethodSymbol method,
        bool streaming,
        KnownTypeSymbols knownTypes,
        Location methodLocation,
        List<DiagnosticInfo> diagnostics,
        CancellationToken cancellationToken)
    {
        var media = new List<MediaParameterModel>();
        foreach (IParameterSymbol parameter in method.Parameters)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (Read(parameter, method, streaming, knownTypes, methodLocation, diagnostics, cancellationToken) is { } model)
            {
                media.Add(model);
            }
        }

        return media.ToEquatableArray();
    }

    /// <summary>The parameters with the media ones marked, so templates leave them out.</summary>
    public static EquatableArray<ParameterModel> MarkMedia(EquatableArray<ParameterModel> parameters, EquatableArray<MediaParameterModel> media) =>
        media.IsEmpty
            ? parameters
            : parameters.Select(parameter => media.Any(item => item.Identifier == parameter.Identifier) ? parameter with { IsMedia = true } : parameter).ToEquatableArray();

    private static MediaParameterModel? Read(
        IParameterSymbol parameter,
        IMethodSymbol method,
        bool streaming,
        KnownTypeSymbols knownTypes,
        Location methodLocation,
        List<DiagnosticInfo> diagnostics,
        CancellationToken cancellationToken)
    {
        (AttributeData Attribute, MediaKind Kind)? marked = MediaParameters.FindAttribute(parameter, knownTypes);
        (MediaKind Kind, bool IsCollection)? byType = MediaParameters.MediaTypeOf(parameter.Type, knownTypes);
        string identifier = SyntaxFacts.GetKeywordKind(parameter.Name) != SyntaxKind.None ? "@" + parameter.Name : parameter.Name;
        Location parameterLocation = parameter.Locations.FirstOrDefault(location => location.IsInSource) ?? methodLocation;

        bool acceptsNull = parameter.Type.IsReferenceType && parameter.NullableAnnotation != NullableAnnotation.NotAnnotated;
        if (marked is not { } attribute)
        {
            return byType is { } typed
                ? new MediaParameterModel(identifier, typed.Kind, typed.IsCollection ? MediaValueShape.MediaCollection : MediaValueShape.MediaObject, null, null, AfterText: false) { AcceptsNull = acceptsNull }
                : null;
        }

        if (AttributeReader.HasErrors(attribute.Attribute))
        {
            return null; // the compiler reports it
        }

        Location attributeLocation = AttributeReader.LocationOf(attribute.Attribute, parameterLocation, cancellationToken);
        string kindName = MediaParameters.KindName(attribute.Kind);
        string? format = MediaParameters.FormatArgument(attribute.Attribute);
        string? name = AttributeReader.NamedString(attribute.Attribute, "Name");
        bool afterText = MediaParameters.PlacedAfterText(attribute.Attribute);

        if (byType is { } mediaType)
        {
            string? mismatch = mediaType.Kind != attribute.Kind
                ? $"a Prompt{MediaParameters.KindName(mediaType.Kind)} is sent as a {MediaParameters.KindName(mediaType.Kind).ToLowerInvariant()}; use [{MediaParameters.KindName(mediaType.Kind)}] or no attribute"
                : format is not null
                    ? $"a Prompt{kindName} carries its own format; remove the format argument"
                    : name is not null
                        ? "a PromptDocument carries its own name; remove Name"
                        : null;
            if (mismatch is not null)
            {
                Mismatch(parameter, kindName, attributeLocation, mismatch, diagnostics);
                return null;
            }

            return new MediaParameterModel(identifier, mediaType.Kind, mediaType.IsCollection ? MediaValueShape.MediaCollection : MediaValueShape.MediaObject, null, null, afterText) { AcceptsNull = acceptsNull };
        }

        if (MediaParameters.BinaryShapeOf(parameter.Type, knownTypes) is not { } shape)
        {
            Mismatch(
                parameter,
                kindName,
                attributeLocation,
                $"[{kindName}] goes on byte[], ReadOnlyMemory<byte>, Memory<byte> or a Stream; a Prompt{kindName} or a collection of them needs no attribute",
                diagnostics);
            return null;
        }

        int before = diagnostics.Count;
        if (format is null && attribute.Kind != MediaKind.Image)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.MediaFormatMissing, attributeLocation, parameter.Name, kindName.ToLowerInvariant(), kindName));
        }

        if (shape == MediaValueShape.Stream && streaming)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.StreamMediaInStreamingMethod, parameterLocation, parameter.Name, method.Name, kindName));
        }

        string? documentName = null;
        if (attribute.Kind == MediaKind.Document)
        {
            documentName = name ?? DocumentNameRules.Sanitize(parameter.Name);
            if (DocumentNameRules.Problem(documentName) is { } problem)
            {
                Location nameLocation = NamedArgumentLocation(attribute.Attribute, "Name", cancellationToken) ?? attributeLocation;
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidDocumentName, nameLocation, documentName, parameter.Name, problem, DocumentNameRules.Sanitize(documentName)));
            }
        }

        return diagnostics.Count == before ? new MediaParameterModel(identifier, attribute.Kind, shape, format, documentName, afterText) { AcceptsNull = acceptsNull } : null;
    }

    private static void Mismatch(IParameterSymbol parameter, string kindName, Location location, string reason, List<DiagnosticInfo> diagnostics) =>
        diagnostics.Add(DiagnosticInfo.Create(
            DiagnosticDescriptors.MediaAttributeMismatch,
            location,
            parameter.Name,
            kindName,
            parameter.Type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat),
            reason));

    private static Location? NamedArgumentLocation(AttributeData attribute, string name, CancellationToken cancellationToken) =>
        attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) is AttributeSyntax { ArgumentList: { } arguments }
            ? arguments.Arguments.FirstOrDefault(argument => argument.NameEquals?.Name.Identifier.ValueText == name)?.Expression.GetLocation()
            : null;
}
