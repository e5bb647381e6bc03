using System;
using System.Buffers;
using System.Collections.Generic;
using System.Diagnostics;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using PromptGen.Descriptors;

namespace PromptGen.Playground;

/// <summary>
/// The page's JSON endpoints: the methods, a preview (rendered prompts and exact request body, never sent), a run and
/// a streamed run (text deltas, or a typed result's partial values). Every body is written with Utf8JsonWriter, so nothing here needs reflection. Nothing written holds
/// credentials: request bodies carry none (signing happens in the client), and errors show only exception messages,
/// which PromptGen keeps free of them.
/// </summary>
internal static class PlaygroundApi
{
    public static Task ListAsync(HttpContext context, PlaygroundCatalog catalog) =>
        WriteJsonAsync(context, StatusCodes.Status200OK, writer =>
        {
            writer.WriteStartObject();
            writer.WriteStartArray("methods");
            for (int i = 0; i < catalog.Methods.Count; i++)
            {
                PlaygroundJson.WriteDescriptor(writer, PlaygroundCatalog.IdOf(i), catalog.Methods[i]);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        });

    public static async Task PreviewAsync(HttpContext context, PlaygroundCatalog catalog)
    {
        if (await ReadAsync(context, catalog).ConfigureAwait(false) is not { } call)
        {
            return;
        }

        try
        {
            PromptPreview preview = call.Descriptor.Render(call.Request.Arguments);
            await WriteJsonAsync(context, StatusCodes.Status200OK, writer => PlaygroundJson.WritePreview(writer, preview)).ConfigureAwait(false);
        }
        catch (Exception e) when (IsInputError(e))
        {
            await WriteInputErrorAsync(context, e).ConfigureAwait(false);
        }
    }

    public static async Task RunAsync(HttpContext context, PlaygroundCatalog catalog)
    {
        if (await ReadAsync(context, catalog).ConfigureAwait(false) is not { } call)
        {
            return;
        }

        IBedrockRuntime bedrock = BedrockOf(context);
        var clock = Stopwatch.StartNew();
        try
        {
            PromptRunResult result = await call.Descriptor.RunAsync(bedrock, call.Request.Arguments, call.Request.Model, context.RequestAborted).ConfigureAwait(false);
            await WriteJsonAsync(context, StatusCodes.Status200OK, writer => PlaygroundJson.WriteRun(writer, result, clock.Elapsed)).ConfigureAwait(false);
        }
        catch (Exception e) when (IsInputError(e))
        {
            await WriteInputErrorAsync(context, e).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The model or Bedrock failed: the page shows why, with the attempts that were made.
            await WriteJsonAsync(context, StatusCodes.Status502BadGateway, writer => PlaygroundJson.WriteFailure(writer, e, clock.Elapsed)).ConfigureAwait(false);
        }
    }

    public static async Task StreamAsync(HttpContext context, PlaygroundCatalog catalog)
    {
        if (await ReadAsync(context, catalog).ConfigureAwait(false) is not { } call)
        {
            return;
        }

        IBedrockRuntime bedrock = BedrockOf(context);
        if (call.Descriptor.StreamsPartialResults)
        {
            await StreamPartialsAsync(context, call.Descriptor, call.Request, bedrock).ConfigureAwait(false);
            return;
        }

        PromptStream? stream;
        try
        {
            stream = call.Descriptor.Stream(bedrock, call.Request.Arguments, call.Request.Model, context.RequestAborted);
        }
        catch (Exception e) when (IsInputError(e))
        {
            await WriteInputErrorAsync(context, e).ConfigureAwait(false);
            return;
        }

        if (stream is null)
        {
            await WriteJsonAsync(context, StatusCodes.Status400BadRequest, writer => PlaygroundJson.WriteMessage(writer, "This method returns a typed result, which is read whole: use run.")).ConfigureAwait(false);
            return;
        }

        await WriteEventsAsync(
            context,
            stream,
            "delta",
            PlaygroundJson.WriteDelta,
            elapsed => writer => PlaygroundJson.WriteStreamEnd(writer, stream, elapsed)).ConfigureAwait(false);
    }

    /// <summary>
    /// A ResultStream method: a <c>partial</c> event per partial value as the model writes it, then <c>done</c> with
    /// the typed result, attempts and usage exactly as a run returns them (or <c>error</c>).
    /// </summary>
    private static async Task StreamPartialsAsync(HttpContext context, PromptDescriptor descriptor, PlaygroundRequest request, IBedrockRuntime bedrock)
    {
        PromptPartialStream stream;
        try
        {
            stream = descriptor.StreamPartials(bedrock, request.Arguments, request.Model, context.RequestAborted)!;
        }
        catch (Exception e) when (IsInputError(e))
        {
            await WriteInputErrorAsync(context, e).ConfigureAwait(false);
            return;
        }

        await WriteEventsAsync(
            context,
            stream,
            "partial",
            PlaygroundJson.WritePartial,
            elapsed =>
            {
                // Read before the event starts: a result that cannot be read is an error event, not half a done one.
                PromptRunResult result = stream.ToRunResult();
                return writer => PlaygroundJson.WriteRun(writer, result, elapsed);
            }).ConfigureAwait(false);
    }

    /// <summary>
    /// Sends a stream's items as server-sent events named <paramref name="itemEvent"/>, then <c>done</c> (written once
    /// the stream has ended, with the time it took), or <c>error</c> with the failure and the attempts made.
    /// </summary>
    private static async Task WriteEventsAsync<TItem>(
        HttpContext context,
        IAsyncEnumerable<TItem> items,
        string itemEvent,
        Action<Utf8JsonWriter, TItem> writeItem,
        Func<TimeSpan, Action<Utf8JsonWriter>> writeDone)
    {
        context.Response.ContentType = "text/event-stream";
        context.Response.Headers.CacheControl = "no-store";
        var clock = Stopwatch.StartNew();
        var events = new ServerSentEvents(context.Response);
        try
        {
            await foreach (TItem item in items.WithCancellation(context.RequestAborted).ConfigureAwait(false))
            {
                await events.WriteAsync(itemEvent, writer => writeItem(writer, item), context.RequestAborted).ConfigureAwait(false);
            }

            await events.WriteAsync("done", writeDone(clock.Elapsed), context.RequestAborted).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await events.WriteAsync("error", writer => PlaygroundJson.WriteFailure(writer, e, clock.Elapsed), context.RequestAborted).ConfigureAwait(false);
        }
    }

    private static IBedrockRuntime BedrockOf(HttpContext context) =>
        (IBedrockRuntime?)context.RequestServices.GetService(typeof(IBedrockRuntime))
            ?? throw new InvalidOperationException("The prompt playground needs an IBedrockRuntime in the app's services (services.AddPromptGen()).");

    private static async Task<(PromptDescriptor Descriptor, PlaygroundRequest Request)?> ReadAsync(HttpContext context, PlaygroundCatalog catalog)
    {
        (PlaygroundRequest? request, string? problem) = await PlaygroundRequest.ReadAsync(context, context.RequestAborted).ConfigureAwait(false);
        if (request is null)
        {
            await WriteJsonAsync(context, StatusCodes.Status400BadRequest, writer => PlaygroundJson.WriteMessage(writer, problem!)).ConfigureAwait(false);
            return null;
        }

        if (catalog.Find(request.Method) is not { } descriptor)
        {
            await WriteJsonAsync(context, StatusCodes.Status404NotFound, writer => PlaygroundJson.WriteMessage(writer, $"No prompt method has the id '{request.Method}'.")).ConfigureAwait(false);
            return null;
        }

        return (descriptor, request);
    }

    /// <summary>Arguments that do not fit the method, or a template that cannot render them: the user's to fix.</summary>
    private static bool IsInputError(Exception e) => e is PromptArgumentsException or PromptTemplateException;

    private static Task WriteInputErrorAsync(HttpContext context, Exception e) =>
        WriteJsonAsync(context, StatusCodes.Status400BadRequest, writer => PlaygroundJson.WriteInputError(writer, e));

    private static async Task WriteJsonAsync(HttpContext context, int status, Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            write(writer);
        }

        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        await context.Response.Body.WriteAsync(buffer.WrittenMemory, context.RequestAborted).ConfigureAwait(false);
    }
}
