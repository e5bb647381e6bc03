using System;
using System.Collections.Generic;
using System.ComponentModel;
using PromptGen.Bedrock;

namespace PromptGen.CompilerServices;

/// <summary>
/// Builds a user turn of text and media in the order the parts are added, holding it to Bedrock's rules for one
/// message before anything is sent: at most 20 images and 5 documents, document names unique, and a text block beside
/// any document. Null media are skipped.
/// Used by generated code; not for direct use.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class UserTurnBuilder
{
    private readonly List<ContentBlock> _content = new();
    private readonly HashSet<string> _documentNames = new(StringComparer.Ordinal);
    private int _images;
    private bool _hasText;

    /// <summary>Adds an image block; null adds nothing.</summary>
    /// <param name="image">The image.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="PromptMediaException">The message would hold more than <see cref="PromptMediaLimits.MaxImagesPerMessage"/> images.</exception>
    public UserTurnBuilder Add(PromptImage? image)
    {
        if (image is not null)
        {
            if (++_images > PromptMediaLimits.MaxImagesPerMessage)
            {
                throw new PromptMediaException($"A Bedrock message holds at most {PromptMediaLimits.MaxImagesPerMessage} images; this prompt has more.");
            }

            _content.Add(image.ToContentBlock());
        }

        return this;
    }

    /// <summary>Adds a document block; null adds nothing.</summary>
    /// <param name="document">The document.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="PromptMediaException">Too many documents, or a name used twice.</exception>
    public UserTurnBuilder Add(PromptDocument? document)
    {
        if (document is not null)
        {
            if (_documentNames.Count == PromptMediaLimits.MaxDocumentsPerMessage)
            {
                throw new PromptMediaException($"A Bedrock message holds at most {PromptMediaLimits.MaxDocumentsPerMessage} documents; this prompt has more.");
            }

            if (!_documentNames.Add(document.Name))
            {
                throw new PromptMediaException($"Two documents of this prompt are named '{document.Name}'; Bedrock needs each document's name to be unique.");
            }

            _content.Add(document.ToContentBlock());
        }

        return this;
    }

    /// <summary>Adds a video block; null adds nothing.</summary>
    /// <param name="video">The video.</param>
    /// <returns>This builder.</returns>
    public UserTurnBuilder Add(PromptVideo? video)
    {
        if (video is not null)
        {
            _content.Add(video.ToContentBlock());
        }

        return this;
    }

    /// <summary>Adds an image block per image; a null collection or element adds nothing.</summary>
    /// <param name="images">The images.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="PromptMediaException">The message would hold more than <see cref="PromptMediaLimits.MaxImagesPerMessage"/> images.</exception>
    public UserTurnBuilder AddRange(IEnumerable<PromptImage?>? images)
    {
        foreach (PromptImage? image in images ?? Array.Empty<PromptImage?>())
        {
            Add(image);
        }

        return this;
    }

    /// <summary>Adds a document block per document; a null collection or element adds nothing.</summary>
    /// <param name="documents">The documents.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="PromptMediaException">Too many documents, or a name used twice.</exception>
    public UserTurnBuilder AddRange(IEnumerable<PromptDocument?>? documents)
    {
        foreach (PromptDocument? document in documents ?? Array.Empty<PromptDocument?>())
        {
            Add(document);
        }

        return this;
    }

    /// <summary>Adds a video block per video; a null collection or element adds nothing.</summary>
    /// <param name="videos">The videos.</param>
    /// <returns>This builder.</returns>
    public UserTurnBuilder AddRange(IEnumerable<PromptVideo?>? videos)
    {
        foreach (PromptVideo? video in videos ?? Array.Empty<PromptVideo?>())
        {
            Add(video);
        }

        return this;
    }

    /// <summary>
    /// The rendered prompt. Empty text is left out when the turn has media, since Bedrock refuses empty text blocks;
    /// a turn of text alone keeps it, so the service's own error says what is wrong.
    /// </summary>
    public UserTurnBuilder AddText(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length > 0)
        {
            _content.Add(ContentBlock.FromText(text));
            _hasText = true;
        }

        return this;
    }

    /// <summary>A cache point block: the turn so far ends a prefix Bedrock may cache (models with prompt caching).</summary>
    /// <param name="ttl">How long the prefix lives; null for the service's default.</param>
    public UserTurnBuilder AddCachePoint(CacheTtl? ttl = null)
    {
        _content.Add(ContentBlock.FromCachePoint(ttl));
        return this;
    }

    /// <exception cref="PromptMediaException">The turn has a document but no text.</exception>
    public Message Build()
    {
        if (_documentNames.Count > 0 && !_hasText)
        {
            throw new PromptMediaException("Bedrock needs a text block beside documents, and this prompt's text is empty.");
        }

        if (_content.Count == 0)
        {
            return Message.User(string.Empty);
        }

        return new Message { Role = ConversationRole.User, Content = new List<ContentBlock>(_content) };
    }
}
