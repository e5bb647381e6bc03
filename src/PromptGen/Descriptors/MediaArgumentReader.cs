using System;
using System.Buffers;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Nodes;
using PromptGen.CompilerServices;
using PromptGen.Media;

namespace PromptGen.Descriptors;

/// <summary>
/// Reads the media arguments of a described method from its arguments object (each
/// <c>{"format","base64"[,"name"]}</c>, see <see cref="PromptMediaParameter"/>) and hands the rest to the generated
/// parser, so the generated parts stay as for any method: every problem is a <see cref="ResultError"/> at a JSON path,
/// never an exception.
/// </summary>
internal static class MediaArgumentReader
{
    private const int MaxDepth = 64;

    public static Func<byte[], ParseOutcome<(TArguments Arguments, object?[] Media)>> Parser<TArguments>(
        Func<byte[], ParseOutcome<TArguments>> parse, IReadOnlyList<PromptMediaParameter> media) =>
        json => Read(json, parse, media);

    /// <summary>The arguments schema with each media parameter as an object the page turns into a file picker.</summary>
    public static string Schema(string schemaJson, IReadOnlyList<PromptMediaParameter> media)
    {
        JsonObject root = JsonNode.Parse(schemaJson)!.AsObject();
        JsonObject properties = root["properties"] as JsonObject ?? new JsonObject();
        root["properties"] = properties;
        JsonArray required = root["required"] as JsonArray ?? new JsonArray();
        foreach (PromptMediaParameter parameter in media)
        {
            var formats = new JsonArray();
            foreach (string format in FormatNames(parameter.Kind))
            {
                formats.Add((JsonNode?)JsonValue.Create(format));
            }

            var shape = new JsonObject
            {
                ["type"] = "object",
                ["x-promptgen-media"] = Kind(parameter.Kind),
                ["description"] = $"The {Kind(parameter.Kind)} as base64, with its format" + (parameter.Kind == PromptMediaKind.Document ? " and name" : string.Empty),
                ["properties"] = new JsonObject
                {
                    ["format"] = new JsonObject { ["enum"] = formats },
                    ["base64"] = new JsonObject { ["type"] = "string", ["contentEncoding"] = "base64" },
                },
                ["required"] = new JsonArray("format", "base64"),
                ["additionalProperties"] = false,
            };
            if (parameter.Kind == PromptMediaKind.Document)
            {
                shape["properties"]!["name"] = new JsonObject { ["type"] = "string" };
            }

            properties[parameter.Name] = parameter.IsRequired ? shape : new JsonObject { ["anyOf"] = new JsonArray(shape, new JsonObject { ["type"] = "null" }) };
            if (parameter.IsRequired)
            {
                required.Add((JsonNode?)JsonValue.Create(parameter.Name));
            }
        }

        if (required.Count > 0)
        {
            root["required"] = required;
        }

        return root.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }

    private static ParseOutcome<(TArguments, object?[])> Read<TArguments>(byte[] json, Func<byte[], ParseOutcome<TArguments>> parse, IReadOnlyList<PromptMediaParameter> media)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = MaxDepth });
        }
        catch (JsonException)
        {
            // Not JSON: the generated parser says so, in its own words and at its own path.
            return Failure<TArguments>(parse(json), "$", ResultErrorKind.MalformedJson, "the arguments are not valid JSON");
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return Failure<TArguments>(parse(json), "$", ResultErrorKind.TypeMismatch, "the arguments are one JSON object");
            }

            var errors = new List<ResultError>();
            var values = new object?[media.Count];
            var seen = new bool[media.Count];
            var rest = new ArrayBufferWriter<byte>();
            try
            {
                Split(document.RootElement, media, values, seen, rest, errors);
            }
            catch (InvalidOperationException)
            {
                // JsonDocument accepts an escaped lone surrogate ("\uD800") but cannot read it as text; the generated
                // parser reports where, in its own words (found by the descriptor-arguments fuzz target).
                return Failure<TArguments>(parse(json), "$", ResultErrorKind.MalformedJson, "the arguments hold an escaped lone surrogate, which is no text");
            }

            for (int i = 0; i < media.Count; i++)
            {
                if (values[i] is null && media[i].IsRequired && !HasError(errors, "$." + media[i].Name))
                {
                    errors.Add(new ResultError("$." + media[i].Name, ResultErrorKind.MissingMember, $"is required: an object {{\"format\", \"base64\"}} with the {Kind(media[i].Kind)}"));
                }
            }

            ParseOutcome<TArguments> others = parse(rest.WrittenSpan.ToArray());
            if (!others.IsSuccess)
            {
                errors.AddRange(others.Errors);
            }

            return errors.Count == 0
                ? ParseOutcome<(TArguments, object?[])>.Success((others.Value, values))
                : ParseOutcome<(TArguments, object?[])>.Failure(errors);
        }
    }

    /// <summary>Reads the media properties into <paramref name="values"/> and copies every other property to <paramref name="rest"/>.</summary>
    private static void Split(
        JsonElement root, IReadOnlyList<PromptMediaParameter> media, object?[] values, bool[] seen, ArrayBufferWriter<byte> rest, List<ResultError> errors)
    {
        using (var writer = new Utf8JsonWriter(rest))
        {
            writer.WriteStartObject();
            foreach (JsonProperty property in root.EnumerateObject())
            {
                int index = IndexOf(media, property.Name);
                if (index < 0)
                {
                    property.WriteTo(writer);
                    continue;
                }

                string path = "$." + property.Name;
                if (seen[index])
                {
                    errors.Add(new ResultError(path, ResultErrorKind.TypeMismatch, "is given twice"));
                    continue;
                }

                seen[index] = true;
                values[index] = ReadMedia(media[index], property.Value, path, errors);
            }

            writer.WriteEndObject();
        }
    }

    private static object? ReadMedia(PromptMediaParameter parameter, JsonElement value, string path, List<ResultError> errors)
    {
        if (value.ValueKind == JsonValueKind.Null)
        {
            return null; // a required one is reported as missing
        }

        if (value.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new ResultError(path, ResultErrorKind.TypeMismatch, $"must be an object {{\"format\", \"base64\"}} with the {Kind(parameter.Kind)}"));
            return null;
        }

        string? format = null;
        string? base64 = null;
        string? name = null;
        int before = errors.Count;
        foreach (JsonProperty member in value.EnumerateObject())
        {
            string memberPath = path + "." + member.Name;
            switch (member.Name)
            {
                case "format":
                    format = Text(member.Value, memberPath, errors);
                    break;
                case "base64":
                    base64 = Text(member.Value, memberPath, errors);
                    break;
                case "name" when parameter.Kind == PromptMediaKind.Document:
                    name = Text(member.Value, memberPath, errors);
                    break;
                default:
                    errors.Add(new ResultError(memberPath, ResultErrorKind.TypeMismatch, "is not a member of a media argument (format, base64" + (parameter.Kind == PromptMediaKind.Document ? ", name" : string.Empty) + ")"));
                    break;
            }
        }

        if (format is null && errors.Count == before)
        {
            errors.Add(new ResultError(path + ".format", ResultErrorKind.MissingMember, "is required: one of " + string.Join(", ", FormatNames(parameter.Kind))));
        }

        if (base64 is null && errors.Count == before)
        {
            errors.Add(new ResultError(path + ".base64", ResultErrorKind.MissingMember, "is required: the file's bytes as base64"));
        }

        if (errors.Count > before)
        {
            return null;
        }

        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(base64!);
        }
        catch (FormatException)
        {
            errors.Add(new ResultError(path + ".base64", ResultErrorKind.TypeMismatch, "is not valid base64"));
            return null;
        }

        try
        {
            switch (parameter.Kind)
            {
                case PromptMediaKind.Image when Find<ImageFormat>(format!, MediaFormatNames.Of) is { } image:
                    return PromptImage.FromBytes(bytes, image);
                case PromptMediaKind.Document when Find<DocumentFormat>(format!, MediaFormatNames.Of) is { } document:
                    return PromptDocument.FromBytes(bytes, document, name ?? "document");
                case PromptMediaKind.Video when Find<VideoFormat>(format!, MediaFormatNames.Of) is { } video:
                    return PromptVideo.FromBytes(bytes, video);
                default:
                    errors.Add(new ResultError(path + ".format", ResultErrorKind.UnknownEnumValue, $"'{format}' is not one of " + string.Join(", ", FormatNames(parameter.Kind))));
                    return null;
            }
        }
        catch (ArgumentException refused)
        {
            // PromptMediaException and the factories' own checks: empty, too large, bytes that are not the format, a bad name.
            errors.Add(new ResultError(path, ResultErrorKind.ConstraintViolation, refused.Message));
            return null;
        }
    }

    private static string? Text(JsonElement value, string path, List<ResultError> errors)
    {
        if (value.ValueKind == JsonValueKind.String)
        {
            return value.GetString();
        }

        errors.Add(new ResultError(path, ResultErrorKind.TypeMismatch, "must be a string"));
        return null;
    }

    private static T? Find<T>(string name, Func<T, string> wireName)
        where T : struct, Enum
    {
        string wanted = name.Trim().ToLowerInvariant() switch
        {
            "jpg" => "jpeg",
            "3gp" => "three_gp",
            var other => other,
        };
        foreach (T value in Enum.GetValues<T>())
        {
            if (wireName(value) == wanted)
            {
                return value;
            }
        }

        return null;
    }

    private static IEnumerable<string> FormatNames(PromptMediaKind kind) => kind switch
    {
        PromptMediaKind.Image => Names<ImageFormat>(MediaFormatNames.Of),
        PromptMediaKind.Document => Names<DocumentFormat>(MediaFormatNames.Of),
        _ => Names<VideoFormat>(MediaFormatNames.Of),
    };

    private static IEnumerable<string> Names<T>(Func<T, string> wireName)
        where T : struct, Enum
    {
        foreach (T value in Enum.GetValues<T>())
        {
            yield return wireName(value);
        }
    }

    private static string Kind(PromptMediaKind kind) => kind switch
    {
        PromptMediaKind.Image => "image",
        PromptMediaKind.Document => "document",
        _ => "video",
    };

    private static int IndexOf(IReadOnlyList<PromptMediaParameter> media, string name)
    {
        for (int i = 0; i < media.Count; i++)
        {
            if (string.Equals(media[i].Name, name, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    private static bool HasError(List<ResultError> errors, string pathPrefix) =>
        errors.Exists(error => error.Path.StartsWith(pathPrefix, StringComparison.Ordinal));

    private static ParseOutcome<(TArguments, object?[])> Failure<TArguments>(ParseOutcome<TArguments> fromParser, string path, ResultErrorKind kind, string message) =>
        ParseOutcome<(TArguments, object?[])>.Failure(
            fromParser.IsSuccess || fromParser.Errors.Count == 0 ? new[] { new ResultError(path, kind, message) } : fromParser.Errors);
}
