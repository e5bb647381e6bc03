using System;
using System.Text.Json;

namespace PromptGen.Testing.Scripting;

internal static partial class ScriptJsonLoader
{
    private static readonly string[] StreamMembers = { "chunkSize", "eventDelayMs", "writeSize", "fault" };

    private static readonly string[] FaultMembers = { "kind", "afterEvents", "code", "message" };

    /// <summary>
    /// A rule's optional <c>"stream"</c>: <c>{"chunkSize": 8, "eventDelayMs": 0, "writeSize": null, "fault":
    /// {"kind": "exception" | "error" | "cutConnection" | "corruptFrame" | "stall", "afterEvents": 2, "code": "throttlingException", "message": "..."}}</c>.
    /// </summary>
    private static StreamShape? ReadStream(JsonElement rule, string rulePath)
    {
        if (!rule.TryGetProperty("stream", out JsonElement stream))
        {
            return null;
        }

        string path = $"{rulePath}.stream";
        if (stream.ValueKind != JsonValueKind.Object)
        {
            throw new ScriptFormatError($"{path} must be an object like {{\"chunkSize\": 4, \"eventDelayMs\": 20}}.");
        }

        RejectUnknownMembers(stream, path, StreamMembers);
        return new StreamShape
        {
            ChunkSize = OptionalInt(stream, "chunkSize", path, minimum: 1) ?? StreamShape.Default.ChunkSize,
            EventDelay = TimeSpan.FromMilliseconds(OptionalInt(stream, "eventDelayMs", path, minimum: 0) ?? 0),
            WriteSize = OptionalInt(stream, "writeSize", path, minimum: 1),
            Fault = stream.TryGetProperty("fault", out JsonElement fault) ? ReadStreamFault(fault, $"{path}.fault") : null,
        };
    }

    private static StreamFault ReadStreamFault(JsonElement fault, string path)
    {
        if (fault.ValueKind != JsonValueKind.Object)
        {
            throw new ScriptFormatError($"{path} must be an object like {{\"kind\": \"exception\", \"code\": \"throttlingException\", \"afterEvents\": 2}}.");
        }

        RejectUnknownMembers(fault, path, FaultMembers);
        int afterEvents = OptionalInt(fault, "afterEvents", path, minimum: 0) ?? 0;
        string? code = OptionalString(fault, "code", path);
        string message = OptionalString(fault, "message", path) ?? "Injected by the emulator script.";
        try
        {
            return OptionalString(fault, "kind", path) switch
            {
                "exception" => StreamFault.Exception(code ?? throw new ScriptFormatError($"{path}.code is required for an exception, e.g. \"throttlingException\"."), message, afterEvents),
                "error" => StreamFault.Error(code ?? throw new ScriptFormatError($"{path}.code is required for an error, e.g. \"InternalFailure\"."), message, afterEvents),
                "cutConnection" => StreamFault.CutConnection(afterEvents),
                "corruptFrame" => StreamFault.CorruptFrame(afterEvents),
                "stall" => StreamFault.Stall(afterEvents),
                var kind => throw new ScriptFormatError(
                    $"{path}.kind must be one of exception, error, cutConnection, corruptFrame, stall; got {(kind is null ? "nothing" : $"'{kind}'")}."),
            };
        }
        catch (ArgumentException exception)
        {
            throw new ScriptFormatError($"{path}: {exception.Message}");
        }
    }
}
