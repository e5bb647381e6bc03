using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;

namespace PromptGen.Testing.Wire;

/// <summary>
/// Checks <c>image</c>, <c>document</c> and <c>video</c> content blocks (wire spec §3): formats, a source union with
/// exactly one member, base64 that decodes, the documented size and count limits, document names, a text block beside
/// documents, and media only in user turns. Written from the spec, not from the client's types.
/// </summary>
internal static class MediaBlockValidator
{
    internal static readonly string[] ImageFormats = { "png", "jpeg", "gif", "webp" };
    internal static readonly string[] DocumentFormats = { "pdf", "csv", "doc", "docx", "xls", "xlsx", "html", "txt", "md" };
    internal static readonly string[] VideoFormats = { "mkv", "mov", "mp4", "webm", "flv", "mpeg", "mpg", "wmv", "three_gp" };

    // Decimal megabytes, as PromptMediaLimits reads them; the video figure is Nova's inline limit (not in the wire spec).
    internal const int MaxImageBytes = 3_750_000;
    internal const int MaxDocumentBytes = 4_500_000;
    internal const int MaxVideoBytes = 25_000_000;
    internal const int MaxImages = 20;
    internal const int MaxDocuments = 5;
    private const int MaxNameLength = 200;

    /// <summary>Checks one content block that already passed the union check.</summary>
    public static void CheckBlock(JsonElement block, string? role, string path, ConstraintViolations violations)
    {
        if (ConverseRequestValidator.Member(block, "image") is { } image)
        {
            CheckMedia(image, role, $"{path}.image", ImageFormats, MaxImageBytes, allowText: false, violations);
        }
        else if (ConverseRequestValidator.Member(block, "document") is { } document)
        {
            CheckMedia(document, role, $"{path}.document", DocumentFormats, MaxDocumentBytes, allowText: true, violations);
            if (document.ValueKind == JsonValueKind.Object)
            {
                CheckDocumentName(document, $"{path}.document", violations);
            }
        }
        else if (ConverseRequestValidator.Member(block, "video") is { } video)
        {
            CheckMedia(video, role, $"{path}.video", VideoFormats, MaxVideoBytes, allowText: false, violations);
        }
    }

    /// <summary>The rules that span a message's blocks; run once every block is well-formed.</summary>
    public static EmulatorError? CheckConversation(JsonElement root)
    {
        int index = 0;
        foreach (JsonElement message in ConverseRequestValidator.Member(root, "messages")!.Value.EnumerateArray())
        {
            List<JsonElement> blocks = ConverseRequestValidator.Member(message, "content")!.Value.EnumerateArray().ToList();
            List<JsonElement> documents = Inner(blocks, "document").ToList();
            int images = Inner(blocks, "image").Count();
            if (images > MaxImages)
            {
                return EmulatorErrors.Validation($"Too many images at messages.{index}.content: {images}. A message can hold at most {MaxImages} images.");
            }

            if (documents.Count > MaxDocuments)
            {
                return EmulatorErrors.Validation($"Too many documents at messages.{index}.content: {documents.Count}. A message can hold at most {MaxDocuments} documents.");
            }

            if (documents.Count > 0 && !Inner(blocks, "text").Any())
            {
                return EmulatorErrors.Validation($"A message with a document must also contain a text block (messages.{index}.content).");
            }

            string? duplicate = documents
                .Select(document => ConverseRequestValidator.Member(document, "name")?.GetString())
                .GroupBy(name => name, StringComparer.Ordinal)
                .FirstOrDefault(group => group.Count() > 1)?.Key;
            if (duplicate is not null)
            {
                return EmulatorErrors.Validation($"The document name '{duplicate}' is used more than once at messages.{index}.content. Each document needs a unique name.");
            }

            index++;
        }

        return null;
    }

    private static IEnumerable<JsonElement> Inner(List<JsonElement> blocks, string kind) =>
        blocks.Select(block => ConverseRequestValidator.Member(block, kind)).Where(inner => inner is not null).Select(inner => inner!.Value);

    private static void CheckMedia(JsonElement media, string? role, string path, string[] formats, int maxBytes, bool allowText, ConstraintViolations violations)
    {
        if (media.ValueKind != JsonValueKind.Object)
        {
            violations.WrongType(path, "an object");
            return;
        }

        if (role is not null && role != "user")
        {
            violations.Add(path, value: null, "media content blocks are allowed only in user messages");
        }

        // A document's format is optional in the model; image and video formats are required.
        JsonElement? format = ConverseRequestValidator.Member(media, "format");
        if (format is null && !allowText)
        {
            violations.NotNull($"{path}.format");
        }
        else if (format is { } value
            && MemberChecks.CheckString(value, $"{path}.format", violations) is { } name
            && !formats.Contains(name, StringComparer.Ordinal))
        {
            violations.Add($"{path}.format", value, $"Member must satisfy enum value set: [{string.Join(", ", formats)}]");
        }

        if (ConverseRequestValidator.Member(media, "source") is not { } source)
        {
            violations.NotNull($"{path}.source");
            return;
        }

        string sourcePath = $"{path}.source";
        if (!ConverseRequestValidator.CheckUnion(source, sourcePath, violations))
        {
            return;
        }

        if (ConverseRequestValidator.Member(source, "bytes") is { } bytes)
        {
            CheckBytes(bytes, $"{sourcePath}.bytes", maxBytes, violations);
        }
        else if (ConverseRequestValidator.Member(source, "s3Location") is { } s3)
        {
            CheckS3Location(s3, $"{sourcePath}.s3Location", violations);
        }
        else if (allowText && ConverseRequestValidator.Member(source, "text") is { } text)
        {
            MemberChecks.CheckString(text, $"{sourcePath}.text", violations);
        }
        else if (!(allowText && ConverseRequestValidator.Member(source, "content") is not null))
        {
            string members = allowText ? "bytes, s3Location, text, content" : "bytes, s3Location";
            violations.Add(sourcePath, value: null, $"Member must be one of: {members}");
        }
    }

    private static void CheckBytes(JsonElement bytes, string path, int maxBytes, ConstraintViolations violations)
    {
        if (bytes.ValueKind != JsonValueKind.String)
        {
            violations.WrongType(path, "a base64 string");
            return;
        }

        if (!bytes.TryGetBytesFromBase64(out byte[]? decoded))
        {
            violations.Add(path, value: null, "Member must be valid base64");
            return;
        }

        if (decoded.Length == 0)
        {
            violations.Add(path, value: null, "Member must have length greater than or equal to 1");
        }
        else if (decoded.Length > maxBytes)
        {
            violations.Add(path, value: null, $"Member must have length less than or equal to {maxBytes} bytes, got {decoded.Length}");
        }
    }

    private static void CheckS3Location(JsonElement s3, string path, ConstraintViolations violations)
    {
        if (s3.ValueKind != JsonValueKind.Object)
        {
            violations.WrongType(path, "an object");
            return;
        }

        if (MemberChecks.RequiredString(s3, "uri", path, violations, pattern: null) is { } uri && !uri.StartsWith("s3://", StringComparison.Ordinal))
        {
            violations.Add($"{path}.uri", ConverseRequestValidator.Member(s3, "uri"), "Member must satisfy regular expression pattern: s3://.*");
        }

        if (ConverseRequestValidator.Member(s3, "bucketOwner") is { } owner
            && MemberChecks.CheckString(owner, $"{path}.bucketOwner", violations) is { } account
            && (account.Length != 12 || !account.All(char.IsAsciiDigit)))
        {
            violations.Add($"{path}.bucketOwner", owner, "Member must satisfy regular expression pattern: [0-9]{12}");
        }
    }

    private static void CheckDocumentName(JsonElement document, string path, ConstraintViolations violations)
    {
        string namePath = $"{path}.name";
        if (ConverseRequestValidator.Member(document, "name") is not { } name)
        {
            violations.NotNull(namePath);
            return;
        }

        if (MemberChecks.CheckString(name, namePath, violations) is not { } text)
        {
            return;
        }

        if (text.Length < 1 || text.Length > MaxNameLength)
        {
            violations.Add(namePath, name, $"Member must have length between 1 and {MaxNameLength}");
        }
        else if (!text.All(IsNameCharacter) || text.Contains("  ", StringComparison.Ordinal))
        {
            violations.Add(
                namePath,
                name,
                "The document name can only contain alphanumeric characters, whitespace characters, hyphens, parentheses, and square brackets, and no more than one consecutive whitespace character");
        }
    }

    private static bool IsNameCharacter(char c) => char.IsAsciiLetterOrDigit(c) || c is ' ' or '-' or '(' or ')' or '[' or ']';
}
