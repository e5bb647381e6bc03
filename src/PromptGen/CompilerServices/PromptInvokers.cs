using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Text.Json;
using PromptGen.Bedrock;
using PromptGen.Descriptors;

namespace PromptGen.CompilerServices;

/// <summary>Makes the <see cref="PromptInvoker"/>s of generated <see cref="PromptDescriptor"/>s. Used by generated code; not for direct use.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class PromptInvokers
{
    /// <summary>A method whose result is the answer's text.</summary>
    /// <param name="parse">The generated parser of the method's arguments object.</param>
    /// <param name="buildRequest">The method's generated request builder.</param>
    /// <param name="models">The method's models in the order tried.</param>
    public static PromptInvoker Text<TArguments>(Func<byte[], ParseOutcome<TArguments>> parse, Func<TArguments, ConverseRequest> buildRequest, ModelChoice[] models) =>
        new TextPromptInvoker<TArguments>(
            parse ?? throw new ArgumentNullException(nameof(parse)),
            buildRequest ?? throw new ArgumentNullException(nameof(buildRequest)),
            Check(models));

    /// <summary>A method whose result is typed.</summary>
    /// <param name="parse">The generated parser of the method's arguments object.</param>
    /// <param name="buildRequest">The method's generated request builder.</param>
    /// <param name="spec">The method's result spec.</param>
    /// <param name="writeResult">The generated writer of the result as JSON.</param>
    /// <param name="models">The method's models in the order tried, each with its strategy.</param>
    public static PromptInvoker Structured<TArguments, TResult>(
        Func<byte[], ParseOutcome<TArguments>> parse,
        Func<TArguments, ConverseRequest> buildRequest,
        StructuredOutputSpec<TResult> spec,
        Action<Utf8JsonWriter, TResult> writeResult,
        ModelChoice[] models) =>
        new StructuredPromptInvoker<TArguments, TResult>(
            parse ?? throw new ArgumentNullException(nameof(parse)),
            buildRequest ?? throw new ArgumentNullException(nameof(buildRequest)),
            spec ?? throw new ArgumentNullException(nameof(spec)),
            writeResult ?? throw new ArgumentNullException(nameof(writeResult)),
            Check(models));

    /// <summary>A method whose result is the answer's text and that takes media (read from the arguments by <see cref="PromptMediaParameter"/>).</summary>
    /// <param name="parse">The generated parser of the method's other arguments.</param>
    /// <param name="buildRequest">Calls the method's generated request builder with those arguments and the media, in the order of <paramref name="media"/>.</param>
    /// <param name="models">The method's models in the order tried.</param>
    /// <param name="media">The method's media parameters.</param>
    public static PromptInvoker Text<TArguments>(
        Func<byte[], ParseOutcome<TArguments>> parse, Func<TArguments, object?[], ConverseRequest> buildRequest, ModelChoice[] models, PromptMediaParameter[] media)
    {
        ArgumentNullException.ThrowIfNull(buildRequest);
        return new TextPromptInvoker<(TArguments Arguments, object?[] Media)>(
            MediaArgumentReader.Parser(parse ?? throw new ArgumentNullException(nameof(parse)), media ?? throw new ArgumentNullException(nameof(media))),
            read => buildRequest(read.Arguments, read.Media),
            Check(models));
    }

    /// <summary>A method whose result is typed and that takes media (read from the arguments by <see cref="PromptMediaParameter"/>).</summary>
    /// <param name="parse">The generated parser of the method's other arguments.</param>
    /// <param name="buildRequest">Calls the method's generated request builder with those arguments and the media, in the order of <paramref name="media"/>.</param>
    /// <param name="spec">The method's result spec.</param>
    /// <param name="writeResult">The generated writer of the result as JSON.</param>
    /// <param name="models">The method's models in the order tried, each with its strategy.</param>
    /// <param name="media">The method's media parameters.</param>
    public static PromptInvoker Structured<TArguments, TResult>(
        Func<byte[], ParseOutcome<TArguments>> parse,
        Func<TArguments, object?[], ConverseRequest> buildRequest,
        StructuredOutputSpec<TResult> spec,
        Action<Utf8JsonWriter, TResult> writeResult,
        ModelChoice[] models,
        PromptMediaParameter[] media)
    {
        ArgumentNullException.ThrowIfNull(buildRequest);
        return new StructuredPromptInvoker<(TArguments Arguments, object?[] Media), TResult>(
            MediaArgumentReader.Parser(parse ?? throw new ArgumentNullException(nameof(parse)), media ?? throw new ArgumentNullException(nameof(media))),
            read => buildRequest(read.Arguments, read.Media),
            spec ?? throw new ArgumentNullException(nameof(spec)),
            writeResult ?? throw new ArgumentNullException(nameof(writeResult)),
            Check(models));
    }

    /// <summary>A method that returns <c>ResultStream&lt;T, TPartial&gt;</c>: run whole as a typed method, or streamed as partial values.</summary>
    /// <param name="parse">The generated parser of the method's arguments object.</param>
    /// <param name="buildRequest">The method's generated request builder.</param>
    /// <param name="spec">The method's result spec.</param>
    /// <param name="writeResult">The generated writer of the result as JSON.</param>
    /// <param name="createBuilder">Creates the generated builder of the method's partial values (the one its stream uses).</param>
    /// <param name="writePartial">The generated writer of a partial value as JSON.</param>
    /// <param name="models">The method's models in the order tried, each with its strategy.</param>
    public static PromptInvoker PartialResult<TArguments, TResult, TPartial>(
        Func<byte[], ParseOutcome<TArguments>> parse,
        Func<TArguments, ConverseRequest> buildRequest,
        StructuredOutputSpec<TResult> spec,
        Action<Utf8JsonWriter, TResult> writeResult,
        Func<PartialValueBuilder<TPartial>> createBuilder,
        Action<Utf8JsonWriter, TPartial> writePartial,
        ModelChoice[] models) =>
        new PartialResultPromptInvoker<TArguments, TResult, TPartial>(
            parse ?? throw new ArgumentNullException(nameof(parse)),
            buildRequest ?? throw new ArgumentNullException(nameof(buildRequest)),
            spec ?? throw new ArgumentNullException(nameof(spec)),
            writeResult ?? throw new ArgumentNullException(nameof(writeResult)),
            createBuilder ?? throw new ArgumentNullException(nameof(createBuilder)),
            writePartial ?? throw new ArgumentNullException(nameof(writePartial)),
            Check(models));

    /// <summary>A method that returns <c>ResultStream&lt;T, TPartial&gt;</c> and takes media (read from the arguments by <see cref="PromptMediaParameter"/>).</summary>
    /// <param name="parse">The generated parser of the method's other arguments.</param>
    /// <param name="buildRequest">Calls the method's generated request builder with those arguments and the media, in the order of <paramref name="media"/>.</param>
    /// <param name="spec">The method's result spec.</param>
    /// <param name="writeResult">The generated writer of the result as JSON.</param>
    /// <param name="createBuilder">Creates the generated builder of the method's partial values (the one its stream uses).</param>
    /// <param name="writePartial">The generated writer of a partial value as JSON.</param>
    /// <param name="models">The method's models in the order tried, each with its strategy.</param>
    /// <param name="media">The method's media parameters.</param>
    public static PromptInvoker PartialResult<TArguments, TResult, TPartial>(
        Func<byte[], ParseOutcome<TArguments>> parse,
        Func<TArguments, object?[], ConverseRequest> buildRequest,
        StructuredOutputSpec<TResult> spec,
        Action<Utf8JsonWriter, TResult> writeResult,
        Func<PartialValueBuilder<TPartial>> createBuilder,
        Action<Utf8JsonWriter, TPartial> writePartial,
        ModelChoice[] models,
        PromptMediaParameter[] media)
    {
        ArgumentNullException.ThrowIfNull(buildRequest);
        return new PartialResultPromptInvoker<(TArguments Arguments, object?[] Media), TResult, TPartial>(
            MediaArgumentReader.Parser(parse ?? throw new ArgumentNullException(nameof(parse)), media ?? throw new ArgumentNullException(nameof(media))),
            read => buildRequest(read.Arguments, read.Media),
            spec ?? throw new ArgumentNullException(nameof(spec)),
            writeResult ?? throw new ArgumentNullException(nameof(writeResult)),
            createBuilder ?? throw new ArgumentNullException(nameof(createBuilder)),
            writePartial ?? throw new ArgumentNullException(nameof(writePartial)),
            Check(models));
    }

    /// <summary>
    /// The parser of a method that takes a conversation history of <see cref="Message"/>s: <paramref name="parse"/>
    /// reads the other arguments, the history is read from the array of <c>{"role", "text"}</c> named <paramref name="name"/>.
    /// </summary>
    /// <param name="parse">The generated parser of the method's other arguments (or the media reader over it).</param>
    /// <param name="name">The history's property in the arguments object.</param>
    /// <param name="required">The history must be given (it may be an empty array).</param>
    public static Func<byte[], ParseOutcome<(TArguments Arguments, List<Message> History)>> WithHistory<TArguments>(Func<byte[], ParseOutcome<TArguments>> parse, string name, bool required) =>
        HistoryArgumentReader.Parser(parse ?? throw new ArgumentNullException(nameof(parse)), name ?? throw new ArgumentNullException(nameof(name)), required, HistoryArgumentReader.Message);

    /// <summary>The same for a history of Microsoft.Extensions.AI <see cref="Microsoft.Extensions.AI.ChatMessage"/>s.</summary>
    /// <param name="parse">The generated parser of the method's other arguments (or the media reader over it).</param>
    /// <param name="name">The history's property in the arguments object.</param>
    /// <param name="required">The history must be given (it may be an empty array).</param>
    public static Func<byte[], ParseOutcome<(TArguments Arguments, List<Microsoft.Extensions.AI.ChatMessage> History)>> WithChatHistory<TArguments>(Func<byte[], ParseOutcome<TArguments>> parse, string name, bool required) =>
        HistoryArgumentReader.Parser(parse ?? throw new ArgumentNullException(nameof(parse)), name ?? throw new ArgumentNullException(nameof(name)), required, HistoryArgumentReader.ChatMessage);

    /// <summary>The arguments schema of a method with a conversation history: the history added as an array of <c>{"role", "text"}</c>.</summary>
    /// <param name="schemaJson">The generated schema of the other arguments (with media, if any).</param>
    /// <param name="name">The history's property in the arguments object.</param>
    /// <param name="required">The history must be given.</param>
    public static string SchemaWithHistory(string schemaJson, string name, bool required) =>
        HistoryArgumentReader.Schema(schemaJson ?? throw new ArgumentNullException(nameof(schemaJson)), name ?? throw new ArgumentNullException(nameof(name)), required);

    /// <summary>The arguments schema of a method with media: each media parameter added as the object its argument is.</summary>
    /// <param name="schemaJson">The generated schema of the other arguments.</param>
    /// <param name="media">The method's media parameters.</param>
    public static string SchemaWithMedia(string schemaJson, PromptMediaParameter[] media) =>
        MediaArgumentReader.Schema(schemaJson ?? throw new ArgumentNullException(nameof(schemaJson)), media ?? throw new ArgumentNullException(nameof(media)));

    /// <summary>An embedding method (text inputs): its InvokeModel body previewed, its vectors summarized.</summary>
    /// <param name="parse">The generated parser of the method's arguments object.</param>
    /// <param name="texts">The texts to embed, from the arguments (one for a single-text method).</param>
    /// <param name="spec">The method's embedding spec.</param>
    public static PromptInvoker Embedding<TArguments>(Func<byte[], ParseOutcome<TArguments>> parse, Func<TArguments, IEnumerable<string>> texts, EmbeddingSpec spec) =>
        new EmbeddingPromptInvoker<TArguments>(
            parse ?? throw new ArgumentNullException(nameof(parse)),
            texts ?? throw new ArgumentNullException(nameof(texts)),
            spec ?? throw new ArgumentNullException(nameof(spec)));

    /// <summary>An image generation method: its InvokeModel body previewed, its images returned as base64.</summary>
    /// <param name="parse">The generated parser of the method's arguments object.</param>
    /// <param name="renderPrompt">Renders the method's prompt with its compiled template.</param>
    /// <param name="spec">The method's image spec.</param>
    public static PromptInvoker Image<TArguments>(Func<byte[], ParseOutcome<TArguments>> parse, Func<TArguments, string> renderPrompt, ImageSpec spec) =>
        new ImagePromptInvoker<TArguments>(
            parse ?? throw new ArgumentNullException(nameof(parse)),
            renderPrompt ?? throw new ArgumentNullException(nameof(renderPrompt)),
            spec ?? throw new ArgumentNullException(nameof(spec)));

    private static IReadOnlyList<ModelChoice> Check(ModelChoice[] models) =>
        models is { Length: > 0 } ? models : throw new ArgumentException("A prompt method has at least one model.", nameof(models));
}
