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
    private readonly StructuredOutputSpec<TResult>? _batchSpec;
    private readonly StructuredOutputSpec<TResult>? _onDemandSpec;
    private readonly Func<ConverseResponse, TResult>? _readText;

    internal BatchPrompt(string promptName, string modelId, Func<TInput, ConverseRequest> buildRequest, StructuredOutputSpec<TResult>? spec, Func<ConverseResponse, TResult>? readText)
    {
        PromptName = promptName;
        ModelId = modelId;
        _buildRequest = buildRequest;
        // Batch inference supports neither tool use nor structured output (outputConfig): a record carries the schema
        // in its prompt, and its answer is read and validated as the method reads any answer.
        // Source: https://docs.aws.amazon.com/bedrock/latest/userguide/batch-inference.html
        _batchSpec = spec?.WithStrategy(StructuredOutputStrategy.PromptOnly);
        _onDemandSpec = spec;
        _readText = readText;
    }

    /// <summary>The prompt as logs name it: <c>Namespace.IMyPrompts.MethodName</c>.</summary>
    public string PromptName { get; }

    /// <summary>The model the method calls.</summary>
    public string ModelId { get; }

    /// <summary>
    /// A batch record's <c>modelInput</c> for <paramref name="input"/>: the request the method sends, shaped as a single
    /// call shapes it for <see cref="StructuredOutputStrategy.PromptOnly"/> (batch inference takes neither tools nor
    /// <c>outputConfig</c>, so a method that uses them on demand gives its schema in the prompt here).
    /// </summary>
    /// <param name="input">The method's arguments.</param>
    public ConverseRequest BuildRequest(TInput input)
    {
        ConverseRequest request = _buildRequest(input);
        return _batchSpec is null ? request : StructuredRequestShaper.Shape(request, _batchSpec);
    }

    /// <summary>Whether an invalid answer of this method can be repaired: it has a result schema and allows repairs.</summary>
    internal bool Repairs => _batchSpec is { MaxRepairAttempts: > 0 };

    /// <summary>Reads a record's Converse answer as the method reads a single call's (same reader, same validation), without repairs.</summary>
    internal BatchRecordResult<TResult> Read(string recordId, long index, ConverseResponse response) => Read(recordId, index, response, out _);

    /// <summary>Reads a record's answer; <paramref name="repairable"/> says whether an invalid one may be asked again.</summary>
    internal BatchRecordResult<TResult> Read(string recordId, long index, ConverseResponse response, out bool repairable)
    {
        repairable = false;
        try
        {
            GuardrailInterventionException.ThrowIfIntervened(ModelId, response);
        }
        catch (GuardrailInterventionException e)
        {
            return BatchRecordResult<TResult>.Failure(recordId, index, new BatchRecordError(BatchRecordErrorKind.ModelError, e.Message) { Exception = e });
        }

        if (_batchSpec is null)
        {
            return BatchRecordResult<TResult>.Success(recordId, index, _readText!(response));
        }

        AnswerReading<TResult> reading = StructuredAnswerReader.Read(response, _batchSpec);
        repairable = !reading.IsSuccess && reading.IsRepairable;
        return reading.IsSuccess
            ? BatchRecordResult<TResult>.Success(recordId, index, reading.Value)
            : BatchRecordResult<TResult>.Failure(recordId, index, new BatchRecordError(
                BatchRecordErrorKind.InvalidOutput, $"The answer is not a valid {_batchSpec.ResultName}: " + string.Join("; ", reading.Errors))
            {
                ResultErrors = reading.Errors,
                OutputText = reading.Text,
            });
    }

    /// <summary>
    /// Repairs a batch record's invalid answer on demand: the record's own request (its <c>modelInput</c>, already
    /// shaped), the batch's answer as attempt 1, then the same repair turns a single call makes.
    /// </summary>
    internal async Task<BatchRecordResult<TResult>> RepairAsync(
        IBedrockRuntime bedrock, BatchRecordResult<TResult> invalid, ConverseRequest shapedRequest, ConverseResponse answer, CancellationToken cancellationToken)
    {
        try
        {
            // The batch answer's usage carries its batch-priced estimate (set by the run), so the total adds the repairs' to it.
            PromptResult<TResult> repaired = await StructuredPrompt.RepairAsync(bedrock, ModelId, shapedRequest, answer, _batchSpec!, cancellationToken).ConfigureAwait(false);
            return BatchRecordResult<TResult>.Success(invalid.RecordId, invalid.Index, repaired.Value, repaired.Attempts.Count - 1)
                .WithEstimatedCost(repaired.EstimatedCostUsd);
        }
        catch (Exception e) when (BatchRecordError.FromCall(e, cancellationToken) is { } error)
        {
            int repairs = e is PromptResultException invalidAgain ? invalidAgain.Attempts.Count - 1 : 0;
            return BatchRecordResult<TResult>.Failure(invalid.RecordId, invalid.Index, error, repairs);
        }
    }

    /// <summary>
    /// Runs one input as a single call does (repairs included), for the on-demand engine: its value and its estimated
    /// cost at on-demand prices (summed over repairs; null when unknown).
    /// </summary>
    internal async Task<(TResult Value, decimal? EstimatedCostUsd)> RunAsync(IBedrockRuntime bedrock, TInput input, CancellationToken cancellationToken)
    {
        ConverseRequest request = _buildRequest(input);
        if (_onDemandSpec is null)
        {
            return await RunTextAsync(bedrock, request, cancellationToken).ConfigureAwait(false);
        }

        PromptResult<TResult> result = await StructuredPrompt.RunWithDetailsAsync(bedrock, ModelId, request, _onDemandSpec, cancellationToken).ConfigureAwait(false);
        return (result.Value, result.EstimatedCostUsd);
    }

    private async Task<(TResult Value, decimal? EstimatedCostUsd)> RunTextAsync(IBedrockRuntime bedrock, ConverseRequest request, CancellationToken cancellationToken)
    {
        ConverseResponse response = await bedrock.ConverseAsync(ModelId, request, cancellationToken).ConfigureAwait(false);
        GuardrailInterventionException.ThrowIfIntervened(ModelId, response);
        return (_readText!(response), response.Usage?.EstimatedCostUsd);
    }
}
