using System;
using System.Text.Json;
using PromptGen.Bedrock;

namespace PromptGen.Batch;

/// <summary>
/// One line of a job's <c>.jsonl.out</c> file, read: <c>{"recordId", "modelInput", "modelOutput"}</c>, or with
/// <c>"error": {"errorCode", "errorMessage"}</c> in place of <c>modelOutput</c>. <c>modelInput</c> is kept as a slice of
/// the line (not parsed): only a record repaired on demand needs it.
/// Outside data: any bytes give a result (<see cref="Problem"/> set when the line is unusable), never an exception.
/// Source: https://docs.aws.amazon.com/bedrock/latest/userguide/batch-inference-results.html
/// </summary>
internal readonly record struct BatchOutputLine(string? RecordId, ReadOnlyMemory<byte> ModelInput, ReadOnlyMemory<byte> ModelOutput, int? ErrorCode, string? ErrorMessage, string? Problem)
{
    private const int MaxDepth = 128;

    /// <summary>Whether the line has a model output or an error (and a record id).</summary>
    public bool IsUsable => Problem is null;

    /// <summary>
    /// The record's request as the job received it (for a repair on demand); null when the line's <c>modelInput</c>
    /// is not a Converse request with messages. Never throws.
    /// </summary>
    public ConverseRequest? ReadModelInput()
    {
        if (ModelInput.IsEmpty)
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize(ModelInput.Span, BedrockJsonContext.Default.ConverseRequest) is { Messages.Count: > 0 } request ? request : null;
        }
        catch (Exception e) when (e is JsonException or NotSupportedException or InvalidOperationException or ArgumentException or FormatException)
        {
            return null;
        }
    }

    public static BatchOutputLine Parse(ReadOnlyMemory<byte> line)
    {
        string? recordId = null;
        ReadOnlyMemory<byte> input = default;
        ReadOnlyMemory<byte> output = default;
        bool hasOutput = false;
        bool hasError = false;
        int? errorCode = null;
        string? errorMessage = null;
        try
        {
            var reader = new Utf8JsonReader(line.Span, new JsonReaderOptions { MaxDepth = MaxDepth });
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return Unusable(null, "the line is not a JSON object");
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("recordId"u8))
                {
                    reader.Read();
                    recordId = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                    reader.Skip();
                }
                else if (reader.ValueTextEquals("modelOutput"u8))
                {
                    reader.Read();
                    int start = (int)reader.TokenStartIndex;
                    reader.Skip();
                    output = line.Slice(start, (int)reader.BytesConsumed - start);
                    hasOutput = true;
                }
                else if (reader.ValueTextEquals("modelInput"u8))
                {
                    reader.Read();
                    int start = (int)reader.TokenStartIndex;
                    reader.Skip();
                    input = reader.TokenType == JsonTokenType.EndObject ? line.Slice(start, (int)reader.BytesConsumed - start) : default;
                }
                else if (reader.ValueTextEquals("error"u8))
                {
                    reader.Read();
                    hasError = true;
                    if (reader.TokenType == JsonTokenType.StartObject)
                    {
                        ReadError(ref reader, out errorCode, out errorMessage);
                    }
                    else
                    {
                        reader.Skip();
                    }
                }
                else
                {
                    reader.Read();
                    reader.Skip();
                }
            }

            if (reader.TokenType != JsonTokenType.EndObject || reader.Read())
            {
                return Unusable(recordId, "the line does not end after its object");
            }
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            // InvalidOperationException: a string of invalid UTF-8 or a lone surrogate escape, which the reader
            // reports only when the string is read.
            return Unusable(recordId ?? ScanRecordId(line.Span), "the line is not valid JSON: " + e.Message);
        }

        if (recordId is null)
        {
            return Unusable(null, "the line has no recordId");
        }

        if (hasOutput && output.Span[0] != (byte)'{')
        {
            return Unusable(recordId, "modelOutput is not an object");
        }

        return hasOutput || hasError
            ? new BatchOutputLine(recordId, input, output, hasOutput ? null : errorCode, hasOutput ? null : errorMessage ?? "The record failed without a message.", null)
            : Unusable(recordId, "the line has neither modelOutput nor error");
    }

    private static void ReadError(ref Utf8JsonReader reader, out int? code, out string? message)
    {
        code = null;
        message = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("errorCode"u8))
            {
                reader.Read();
                if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out int number))
                {
                    code = number;
                }
                else if (reader.TokenType == JsonTokenType.String && int.TryParse(reader.GetString(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int parsed))
                {
                    code = parsed;
                }
                else
                {
                    reader.Skip();
                }
            }
            else if (reader.ValueTextEquals("errorMessage"u8))
            {
                reader.Read();
                message = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                reader.Skip();
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }
    }

    /// <summary>
    /// A cut-off or broken line may still name its record in its first bytes (<c>{"recordId":"..."</c>): finding it
    /// lets that record get an error of its own instead of being reported missing.
    /// </summary>
    private static string? ScanRecordId(ReadOnlySpan<byte> line)
    {
        ReadOnlySpan<byte> marker = "\"recordId\""u8;
        int at = line.IndexOf(marker);
        if (at < 0)
        {
            return null;
        }

        ReadOnlySpan<byte> rest = line[(at + marker.Length)..].TrimStart(" \t:"u8);
        if (rest.IsEmpty || rest[0] != (byte)'"')
        {
            return null;
        }

        rest = rest[1..];
        int end = rest.IndexOf((byte)'"');
        if (end is <= 0 or > 64)
        {
            return null;
        }

        foreach (byte b in rest[..end])
        {
            if (!(b is >= (byte)'0' and <= (byte)'9' or >= (byte)'A' and <= (byte)'Z' or >= (byte)'a' and <= (byte)'z' or (byte)'-' or (byte)'_'))
            {
                return null;
            }
        }

        return System.Text.Encoding.ASCII.GetString(rest[..end]);
    }

    private static BatchOutputLine Unusable(string? recordId, string problem) => new(recordId, default, default, null, null, problem);
}

/// <summary>A job's <c>manifest.json.out</c>: its record and token counts. Unknown or malformed members read as null.</summary>
internal readonly record struct BatchManifest(long? TotalRecordCount, long? ProcessedRecordCount, long? SuccessRecordCount, long? ErrorRecordCount, long? InputTokenCount, long? OutputTokenCount)
{
    public static BatchManifest? Parse(ReadOnlySpan<byte> json)
    {
        try
        {
            var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = 64 });
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return null;
            }

            long? total = null, processed = null, success = null, errors = null, input = null, output = null;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                string name = reader.GetString()!;
                reader.Read();
                long? value = reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out long number) && number >= 0 ? number : null;
                reader.Skip();
                switch (name)
                {
                    case "totalRecordCount": total = value; break;
                    case "processedRecordCount": processed = value; break;
                    case "successRecordCount": success = value; break;
                    case "errorRecordCount": errors = value; break;
                    case "inputTokenCount": input = value; break;
                    case "outputTokenCount": output = value; break;
                }
            }

            return reader.TokenType == JsonTokenType.EndObject ? new BatchManifest(total, processed, success, errors, input, output) : null;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            return null;
        }
    }
}
