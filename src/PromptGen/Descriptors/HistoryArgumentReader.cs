using System;
using System.Buffers;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.AI;
using PromptGen.CompilerServices;

namespace PromptGen.Descriptors;

/// <summary>
/// Reads the conversation-history argument of a described method, a JSON array of <c>{"role", "text"}</c> (role
/// <c>user</c> or <c>assistant</c>, oldest first, starting with the user as Bedrock requires), and hands the rest of
/// the arguments object to the parser it wraps (the generated one, or the media reader). Every problem is a
/// <see cref="ResultError"/> at a JSON path, never an exception.
/// </summary>
internal static class HistoryArgumentReader
{
    private const int MaxDepth = 64;

    public static Func<byte[], ParseOutcome<(TArguments Arguments, List<T> History)>> Parser<TArguments, T>(
        Func<byte[], ParseOutcome<TArguments>> parse, string name, bool required, Func<bool, string, T> turn) =>
        json => Read(json, parse, name, required, turn);

    /// <summary>The arguments schema with the history as an array of turns (a JSON box on the page, prefilled with one user turn).</summary>
    public static string Schema(string schemaJson, string name, bool required)
    {
        JsonObject root = JsonNode.Parse(schemaJson)!.AsObject();
        JsonObject properties = root["properties"] as JsonObject ?? new JsonObject();
        root["properties"] = properties;
        var shape = new JsonObject
        {
            ["type"] = "array",
            ["x-promptgen-history"] = true,
            ["description"] = "The conversation so far, oldest first, starting with a user turn; the rendered prompt is the next user turn",
            ["items"] = new JsonObject
            {
                ["type"] = "object",
                ["properties"] = new JsonObject
                {
                    ["role"] = new JsonObject { ["enum"] = new JsonArray("user", "assistant") },
                    ["text"] = new JsonObject { ["type"] = "string" },
                },
                ["required"] = new JsonArray("role", "text"),
                ["additionalProperties"] = false,
            },
        };
        properties[name] = shape;
        if (required)
        {
            JsonArray list = root["required"] as JsonArray ?? new JsonArray();
            list.Add((JsonNode?)JsonValue.Create(name));
            root["required"] = list;
        }

        return root.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }

    private static ParseOutcome<(TArguments, List<T>)> Read<TArguments, T>(byte[] json, Func<byte[], ParseOutcome<TArguments>> parse, string name, bool required, Func<bool, string, T> turn)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = MaxDepth });
        }
        catch (JsonException)
        {
            // Not JSON: the wrapped parser says so, in its own words and at its own path.
            return Failure<TArguments, T>(parse(json), ResultErrorKind.MalformedJson, "the arguments are not valid JSON");
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return Failure<TArguments, T>(parse(json), ResultErrorKind.TypeMismatch, "the arguments are one JSON object");
            }

            var errors = new List<ResultError>();
            var history = new List<T>();
            bool seen = false;
            var rest = new ArrayBufferWriter<byte>();
            try
            {
                using var writer = new Utf8JsonWriter(rest);
                writer.WriteStartObject();
                foreach (JsonProperty property in document.RootElement.EnumerateObject())
                {
                    if (!string.Equals(property.Name, name, StringComparison.Ordinal))
                    {
                        property.WriteTo(writer);
                    }
                    else if (seen)
                    {
                        errors.Add(new ResultError("$." + name, ResultErrorKind.TypeMismatch, "is given twice"));
                    }
                    else
                    {
                        seen = true;
                        ReadTurns(property.Value, "$." + name, required, history, errors, turn);
                    }
                }

                writer.WriteEndObject();
            }
            catch (InvalidOperationException)
            {
                // An escaped lone surrogate ("\uD800") parses but is no text; the wrapped parser reports where.
                return Failure<TArguments, T>(parse(json), ResultErrorKind.MalformedJson, "the arguments hold an escaped lone surrogate, which is no text");
            }

            if (!seen && required)
            {
                errors.Add(new ResultError("$." + name, ResultErrorKind.MissingMember, "is required: an array of {\"role\", \"text\"} turns (may be empty)"));
            }

            ParseOutcome<TArguments> others = parse(rest.WrittenSpan.ToArray());
            if (!others.IsSuccess)
            {
                errors.AddRange(others.Errors);
            }

            return errors.Count == 0
                ? ParseOutcome<(TArguments, List<T>)>.Success((others.Value, history))
                : ParseOutcome<(TArguments, List<T>)>.Failure(errors);
        }
    }

    private static void ReadTurns<T>(JsonElement value, string path, bool required, List<T> history, List<ResultError> errors, Func<bool, string, T> turn)
    {
        if (value.ValueKind == JsonValueKind.Null && !required)
        {
            return; // no history: an empty one
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            errors.Add(new ResultError(path, ResultErrorKind.TypeMismatch, "must be an array of {\"role\", \"text\"} turns"));
            return;
        }

        int index = 0;
        bool spoken = false;
        foreach (JsonElement item in value.EnumerateArray())
        {
            string itemPath = path + "[" + index.ToString(System.Globalization.CultureInfo.InvariantCulture) + "]";
            if (ReadTurn(item, itemPath, errors) is { } read)
            {
                // Empty turns are dropped when the request is built (ConversationHistory), so the first turn that says
                // something must be the user's; ConversationHistory would refuse it at the call, so it is said here.
                if (!spoken && !read.User && read.Text.Length > 0)
                {
                    errors.Add(new ResultError(itemPath + ".role", ResultErrorKind.ConstraintViolation, "the conversation starts with a user turn (Bedrock requires it)"));
                }
                else
                {
                    spoken |= read.Text.Length > 0;
                    history.Add(turn(read.User, read.Text));
                }
            }

            index++;
        }
    }

    private static (bool User, string Text)? ReadTurn(JsonElement item, string path, List<ResultError> errors)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new ResultError(path, ResultErrorKind.TypeMismatch, "must be an object {\"role\", \"text\"}"));
            return null;
        }

        string? role = null;
        string? text = null;
        int before = errors.Count;
        foreach (JsonProperty member in item.EnumerateObject())
        {
            string memberPath = path + "." + member.Name;
            switch (member.Name)
            {
                case "role" when member.Value.ValueKind == JsonValueKind.String:
                    role = member.Value.GetString();
                    if (role is not ("user" or "assistant"))
                    {
                        errors.Add(new ResultError(memberPath, ResultErrorKind.UnknownEnumValue, $"'{role}' is not one of user, assistant"));
                    }

                    break;
                case "text" when member.Value.ValueKind == JsonValueKind.String:
                    text = member.Value.GetString();
                    break;
                case "role" or "text":
                    errors.Add(new ResultError(memberPath, ResultErrorKind.TypeMismatch, "must be a string"));
                    break;
                default:
                    errors.Add(new ResultError(memberPath, ResultErrorKind.TypeMismatch, "is not a member of a turn (role, text)"));
                    break;
            }
        }

        if (role is null && errors.Count == before)
        {
            errors.Add(new ResultError(path + ".role", ResultErrorKind.MissingMember, "is required: user or assistant"));
        }

        if (text is null && errors.Count == before)
        {
            errors.Add(new ResultError(path + ".text", ResultErrorKind.MissingMember, "is required: the turn's text"));
        }

        return errors.Count == before ? (role == "user", text!) : null;
    }

    /// <summary>A PromptGen turn.</summary>
    public static Message Message(bool user, string text) => user ? PromptGen.Message.User(text) : PromptGen.Message.Assistant(text);

    /// <summary>A Microsoft.Extensions.AI turn.</summary>
    public static ChatMessage ChatMessage(bool user, string text) => new(user ? ChatRole.User : ChatRole.Assistant, text);

    private static ParseOutcome<(TArguments, List<T>)> Failure<TArguments, T>(ParseOutcome<TArguments> fromParser, ResultErrorKind kind, string message) =>
        ParseOutcome<(TArguments, List<T>)>.Failure(
            fromParser.IsSuccess || fromParser.Errors.Count == 0 ? new[] { new ResultError("$", kind, message) } : fromParser.Errors);
}
