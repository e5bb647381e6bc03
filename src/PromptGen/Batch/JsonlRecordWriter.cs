using System;
using System.Buffers;
using System.Globalization;
using System.Text.Json;
using PromptGen.Bedrock;

namespace PromptGen.Batch;

/// <summary>
/// Writes batch input records, <c>{"recordId":"00000000042","modelInput":{...}}</c>, one per line. The
/// <c>modelInput</c> is the Converse request serialized by the same source-generated serializer as a single call's
/// body, so a record's input is byte for byte what <see cref="BedrockRuntimeClient.ConverseAsync"/> would send.
/// Source: https://docs.aws.amazon.com/bedrock/latest/userguide/batch-inference-data.html
/// </summary>
internal sealed class JsonlRecordWriter
{
    private readonly ArrayBufferWriter<byte> _line = new(4096);
    private readonly Utf8JsonWriter _writer;

    public JsonlRecordWriter()
    {
        _writer = new Utf8JsonWriter(_line, new JsonWriterOptions { SkipValidation = true });
    }

    /// <summary>The record id of the input at <paramref name="index"/>: 11 digits, alphanumeric as the service asks.</summary>
    public static string RecordId(long index) => index.ToString("D11", CultureInfo.InvariantCulture);

    /// <summary>The input index a record id stands for; -1 when it is not one of ours.</summary>
    public static long IndexOf(string recordId) =>
        recordId.Length == 11 && long.TryParse(recordId, NumberStyles.None, CultureInfo.InvariantCulture, out long index) ? index : -1;

    /// <summary>The line for one record, newline included; valid until the next call.</summary>
    /// <exception cref="ArgumentException">The request cannot be written as JSON.</exception>
    public ReadOnlyMemory<byte> Write(long index, ConverseRequest request)
    {
        _line.Clear();
        _writer.Reset(_line);
        _writer.WriteStartObject();
        _writer.WriteString("recordId"u8, RecordId(index));
        _writer.WritePropertyName("modelInput"u8);
        try
        {
            JsonSerializer.Serialize(_writer, request, BedrockJsonContext.Default.ConverseRequest);
        }
        catch (Exception e) when (e is InvalidOperationException or NotSupportedException or JsonException)
        {
            throw new ArgumentException($"The Converse request of input {index} cannot be written as JSON: {e.Message}", nameof(request), e);
        }

        _writer.WriteEndObject();
        _writer.Flush();
        _line.Write("\n"u8);
        return _line.WrittenMemory;
    }
}
