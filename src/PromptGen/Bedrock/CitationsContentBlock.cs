using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace PromptGen.Bedrock;

// Converse document citations: a response content block `citationsContent` holds the generated text and the citations
// that support it, when a request's document block turns citations on (`citations: {"enabled": true}`), as the
// official SDK's Bedrock Runtime model has it (CitationsContentBlock, Citation, CitationLocation, CitationsConfig):
// https://docs.aws.amazon.com/bedrock/latest/APIReference/API_runtime_CitationsContentBlock.html

/// <summary>The <c>citationsContent</c> block of a Converse answer: generated text with the sources it cites.</summary>
public sealed class CitationsContentBlock
{
    /// <summary>The generated text, in parts.</summary>
    public IList<CitationGeneratedContent>? Content { get; set; }

    /// <summary>The citations supporting it.</summary>
    public IList<ConverseCitation>? Citations { get; set; }
}

/// <summary>A part of the generated text of a <see cref="CitationsContentBlock"/>.</summary>
public sealed class CitationGeneratedContent
{
    /// <summary>The text.</summary>
    public string? Text { get; set; }
}

/// <summary>One citation of a Converse answer: which document, where in it, and the cited source text.</summary>
public sealed class ConverseCitation
{
    /// <summary>The cited document's title (its name in the request).</summary>
    public string? Title { get; set; }

    /// <summary>The cited source, when the service names one.</summary>
    public string? Source { get; set; }

    /// <summary>The cited text of the source.</summary>
    public IList<CitationSourceContent>? SourceContent { get; set; }

    /// <summary>Where in the source.</summary>
    public CitationLocation? Location { get; set; }
}

/// <summary>A piece of cited source text.</summary>
public sealed class CitationSourceContent
{
    /// <summary>The text.</summary>
    public string? Text { get; set; }
}

/// <summary>Where a citation points: characters, pages or chunks of a request's document, or a web page.</summary>
public sealed class CitationLocation
{
    /// <summary>A character range of a document.</summary>
    public DocumentRangeLocation? DocumentChar { get; set; }

    /// <summary>A page range of a document.</summary>
    public DocumentRangeLocation? DocumentPage { get; set; }

    /// <summary>A chunk range of a document.</summary>
    public DocumentRangeLocation? DocumentChunk { get; set; }

    /// <summary>Location kinds this version does not type (web, search results...).</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? OtherMembers { get; set; }
}

/// <summary>A range in the request's document <see cref="DocumentIndex"/> (0-based, in request order).</summary>
public sealed class DocumentRangeLocation
{
    /// <summary>Which document of the request.</summary>
    public int? DocumentIndex { get; set; }

    /// <summary>The range's start.</summary>
    public int? Start { get; set; }

    /// <summary>The range's end.</summary>
    public int? End { get; set; }
}

/// <summary>The <c>citations</c> setting of a request's document block.</summary>
public sealed class CitationsConfig
{
    /// <summary>Whether the model cites this document in its answer.</summary>
    public bool Enabled { get; set; }
}
