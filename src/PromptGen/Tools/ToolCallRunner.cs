using System;
using System.Buffers;
using System.Collections.Generic;
using System.Diagnostics;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using PromptGen.Bedrock;
using PromptGen.CompilerServices;
using PromptGen.Prompting;
using PromptGen.Telemetry;

namespace PromptGen.Tools;

/// <summary>
/// Runs the tool calls of one model turn and turns each outcome into a <c>toolResult</c>, in the model's order.
/// Whatever goes wrong in one call (unknown tool, input that does not fit, an exception) becomes an error result the
/// model can react to; only the caller's cancellation stops the loop.
/// </summary>
internal static class ToolCallRunner
{
    // The observer, when given, is told when each call starts and returns (a stream's tool events).
    public static async Task<List<ContentBlock>> RunAsync(IReadOnlyList<ToolUseBlock> calls, ToolBox tools, bool parallel, CancellationToken cancellationToken, IToolCallObserver? observer = null)
    {
        var results = new ContentBlock[calls.Count];
        if (parallel && calls.Count > 1)
        {
            var running = new Task<ContentBlock>[calls.Count];
            for (int i = 0; i < calls.Count; i++)
            {
                running[i] = ObservedAsync(calls[i], tools, observer, cancellationToken);
            }

            results = await Task.WhenAll(running).ConfigureAwait(false);
        }
        else
        {
            for (int i = 0; i < calls.Count; i++)
            {
                results[i] = await ObservedAsync(calls[i], tools, observer, cancellationToken).ConfigureAwait(false);
            }
        }

        return new List<ContentBlock>(results);
    }

    private static async Task<ContentBlock> ObservedAsync(ToolUseBlock call, ToolBox tools, IToolCallObserver? observer, CancellationToken cancellationToken)
    {
        if (observer is null)
        {
            return await RunOneAsync(call, tools, cancellationToken).ConfigureAwait(false);
        }

        cancellationToken.ThrowIfCancellationRequested();
        object? started = observer.Starting(call);
        long start = Stopwatch.GetTimestamp();
        ContentBlock result = await RunOneAsync(call, tools, cancellationToken).ConfigureAwait(false);
        observer.Returned(started, result.ToolResult!.Status == ToolResultStatus.Error, Stopwatch.GetElapsedTime(start));
        return result;
    }

    private static async Task<ContentBlock> RunOneAsync(ToolUseBlock call, ToolBox tools, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (!tools.TryGet(call.Name, out ToolDefinition tool))
        {
            return Result(call, ToolOutput.Error($"There is no tool named '{call.Name}'. The tools are: {tools.Names}."));
        }

        using Activity? activity = StartActivity(call);
        ToolOutput output;
        try
        {
            output = TryReadInput(call.Input, out byte[] input, out ResultError inputError)
                ? await tool.Invoke(input, cancellationToken).ConfigureAwait(false)
                : ToolOutput.InvalidInput(new[] { inputError });
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            activity?.SetStatus(ActivityStatusCode.Error, "cancelled");
            throw;
        }
        catch (ToolException exception)
        {
            output = ToolOutput.Error(exception.Message.Length == 0 ? $"The tool '{call.Name}' failed." : exception.Message);
            MarkFailed(activity, exception);
        }
        catch (OperationCanceledException exception)
        {
            // Not the caller's cancellation: the tool's own timeout, say. The model may try again or do without.
            output = ToolOutput.Error($"The tool '{call.Name}' was cancelled before it finished (it may have timed out).");
            MarkFailed(activity, exception);
        }
        catch (Exception exception)
        {
            // Only the type: messages of arbitrary exceptions can hold paths, hosts or data the model must not see.
            output = ToolOutput.Error($"The tool '{call.Name}' failed with {exception.GetType().Name}.");
            MarkFailed(activity, exception);
        }

        if (output.IsError && activity is not null && activity.Status != ActivityStatusCode.Error)
        {
            activity.SetTag(GenAiAttributes.ErrorType, "invalid_input");
            activity.SetStatus(ActivityStatusCode.Error);
        }

        return Result(call, output);
    }

    private static ContentBlock Result(ToolUseBlock call, ToolOutput output) => new()
    {
        ToolResult = new ToolResultBlock
        {
            ToolUseId = call.ToolUseId,
            Status = output.IsError ? ToolResultStatus.Error : ToolResultStatus.Success,
            Content = { output.Content },
        },
    };

    /// <summary>
    /// The input as UTF-8 JSON. Models send an object; some send a string holding the JSON, which is read leniently
    /// like a text answer. Absent input counts as an empty object (a tool without parameters).
    /// </summary>
    private static bool TryReadInput(JsonElement input, out byte[] json, out ResultError error)
    {
        error = default;
        switch (input.ValueKind)
        {
            case JsonValueKind.Undefined or JsonValueKind.Null:
                json = "{}"u8.ToArray();
                return true;
            case JsonValueKind.String:
                return ModelJson.TryNormalize(input.GetString() ?? "", wasTruncated: false, JsonRoot.Object, out json, out error);
            default:
                var buffer = new ArrayBufferWriter<byte>();
                using (var writer = new Utf8JsonWriter(buffer))
                {
                    input.WriteTo(writer);
                }

                json = buffer.WrittenSpan.ToArray();
                return true;
        }
    }

    private static Activity? StartActivity(ToolUseBlock call)
    {
        Activity? activity = PromptGenTelemetry.ActivitySource.StartActivity("execute_tool " + call.Name, ActivityKind.Internal);
        if (activity is not null)
        {
            activity.SetTag(GenAiAttributes.OperationName, "execute_tool");
            activity.SetTag("gen_ai.tool.name", call.Name);
            activity.SetTag("gen_ai.tool.call.id", call.ToolUseId);
            activity.SetTag("gen_ai.tool.type", "function");
        }

        return activity;
    }

    private static void MarkFailed(Activity? activity, Exception exception)
    {
        if (activity is not null)
        {
            activity.SetTag(GenAiAttributes.ErrorType, exception.GetType().FullName);
            activity.SetStatus(ActivityStatusCode.Error);
        }
    }
}
