using System;
using System.Threading;
using System.Threading.Tasks;
using PromptGen.Bedrock;
using PromptGen.CompilerServices;
using PromptGen.Prompting;

namespace PromptGen.Batch;

/// <summary>
/// One prompt method of a generated client, as a batch runs it: the Converse request the method sends for an input,
/// and the reader of its answer. Generated clients expose one per method that can run in a batch, as
/// <c>IMyPrompts.Batch.MethodName</c>; hand it to <see cref="BatchRunner"/>.
/// </summary>
/// <typeparam name="TInput">The method's parameters: the one parameter's type, or a tuple of them.</typeparam>
/// <typeparam name="TResult">The method's result type.</typeparam>
public sealed class BatchPrompt<TInput, TResult>
{
    private readonly Func<TInput, ConverseRequest> _buildRequest;
    private readonly StructuredOutputSpec<TResult>? _spec;
    private readonly Func<ConverseResponse, TResult>? _readText;

    internal BatchPrompt(string promptName, string modelId, Func<TInput, ConverseRequest> buildRequest, StructuredOutputSpec<TResult>? spec, Func<ConverseResponse, TResult>? readText)
    {
        PromptName = promptName;
        ModelId = modelId;
        _buildRequest = buildRequest;
        _spec = spec;
        _readText = readText;
    }

    /// <summary>The prompt as logs name it: <c>Namespace.IMyPrompts.MethodName</c>.</summary>
    public string PromptName { get; }

    /// <summary>The model the method calls.</summary>
    public string ModelId { get; }

    /// <summary>
    /// The Converse request the method sends for <paramref name="input"/>, shaped for its structured-output strategy
    /// exactly as a single call shapes it: a batch record's <c>modelInput</c>.
    /// </summary>
    /// <param name="input">The method's arguments.</param>
    public ConverseRequest BuildRequest(TInput input)
    {
        ConverseRequest request = _buildRequest(input);
        return _spec is null ? request : StructuredRequestShaper.Shape(request, _spec);
    }

    /// <summary>Reads a record's Converse answer as the method reads a single call's (same reader, same validation), without repairs.</summary>
    internal BatchRecordResult<TResult> Read(string recordId, long index, ConverseResponse response)
    {
        try
        {
            GuardrailInterventionException.ThrowIfIntervened(ModelId, response);
        }
        catch (GuardrailInterventionException e)
        {
            return BatchRecordResult<TResult>.Failure(recordId, index, new BatchRecordError(BatchRecordErrorKind.ModelError, e.Message) { Exception = e });
        }

        if (_spec is null)
        {
            return BatchRecordResult<TResult>.Success(recordId, index, _readText!(response));
        }

        AnswerReading<TResult> reading = StructuredAnswerReader.Read(response, _spec);
        return reading.IsSuccess
            ? BatchRecordResult<TResult>.Success(recordId, index, reading.Value)
            : BatchRecordResult<TResult>.Failure(recordId, index, new BatchRecordError(
                BatchRecordErrorKind.InvalidOutput, $"The answer is not a valid {_spec.ResultName}: " + string.Join("; ", reading.Errors))
            {
                ResultErrors = reading.Errors,
                OutputText = reading.Text,
            });
    }

    /// <summary>Runs one input as a single call does (repairs included), for the on-demand engine.</summary>
    internal Task<TResult> RunAsync(IBedrockRuntime bedrock, TInput input, CancellationToken cancellationToken)
    {
        ConverseRequest request = _buildRequest(input);
        return _spec is null
            ? RunTextAsync(bedrock, request, cancellationToken)
            : StructuredPrompt.RunAsync(bedrock, ModelId, request, _spec, cancellationToken);
    }

    private async Task<TResult> RunTextAsync(IBedrockRuntime bedrock, ConverseRequest request, CancellationToken cancellationToken)
    {
        ConverseResponse response = await bedrock.ConverseAsync(ModelId, request, cancellationToken).ConfigureAwait(false);
        GuardrailInterventionException.ThrowIfIntervened(ModelId, response);
        return _readText!(response);
    }
}
