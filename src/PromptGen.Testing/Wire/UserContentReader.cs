using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;

namespace PromptGen.Testing.Wire;

/// <summary>Reads the last user message's content blocks, leniently, for the request log and the default reply.</summary>
internal static class UserContentReader
{
    public static IReadOnlyList<RecordedContentBlock> Read(JsonElement root)
    {
        if (ConverseRequestValidator.Member(root, "messages") is not { ValueKind: JsonValueKind.Array } messages)
        {
            return [];
        }

        JsonElement? lastUser = messages.EnumerateArray()
            .LastOrDefault(message => message.ValueKind == JsonValueKind.Object
                && ConverseRequestValidator.Member(message, "role") is { ValueKind: JsonValueKind.String } role
                && role.GetString() == "user");
        if (lastUser is not { ValueKind: JsonValueKind.Object } user
            || ConverseRequestValidator.Member(user, "content") is not { ValueKind: JsonValueKind.Array } content)
        {
            return [];
        }

        return content.EnumerateArray()
            .Where(block => block.ValueKind == JsonValueKind.Object)
            .Select(Block)
            .OfType<RecordedContentBlock>()
            .ToList();
    }

    private static RecordedContentBlock? Block(JsonElement block)
    {
        // A malformed block (no member set) has already been refused or will be; it has nothing to record.
        if (block.EnumerateObject().Where(property => property.Value.ValueKind != JsonValueKind.Null).Select(property => (JsonProperty?)property).FirstOrDefault() is not { } member)
        {
            return null;
        }

        JsonElement value = member.Value;
        if (member.Name == ContentKinds.Text)
        {
            return new RecordedContentBlock(ContentKinds.Text) { Text = value.ValueKind == JsonValueKind.String ? value.GetString() : null };
        }

        if (member.Name is not (ContentKinds.Image or ContentKinds.Document or ContentKinds.Video) || value.ValueKind != JsonValueKind.Object)
        {
            return new RecordedContentBlock(member.Name);
        }

        JsonElement? source = Child(value, "source");
        JsonElement? s3 = source is { } s ? Child(s, "s3Location") : null;
        return new RecordedContentBlock(member.Name)
        {
            Format = String(Child(value, "format")),
            Name = String(Child(value, "name")),
            Text = source is { } textSource ? String(Child(textSource, "text")) : null,
            Bytes = source is { } bytesSource && Child(bytesSource, "bytes") is { ValueKind: JsonValueKind.String } bytes && bytes.TryGetBytesFromBase64(out byte[]? decoded)
                ? new ReadOnlyMemory<byte>(decoded)
                : (ReadOnlyMemory<byte>?)null,
            S3Uri = s3 is { } location ? String(Child(location, "uri")) : null,
            BucketOwner = s3 is { } owner ? String(Child(owner, "bucketOwner")) : null,
            CitationsEnabled = Child(value, "citations") is { } citations && Child(citations, "enabled") is { ValueKind: JsonValueKind.True },
        };
    }

    private static JsonElement? Child(JsonElement parent, string name) =>
        parent.ValueKind == JsonValueKind.Object ? ConverseRequestValidator.Member(parent, name) : null;

    private static string? String(JsonElement? value) => value is { ValueKind: JsonValueKind.String } text ? text.GetString() : null;
}
