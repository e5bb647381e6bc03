using System;
using System.Collections.Generic;
using System.Threading;

namespace PromptGen.Descriptors;

/// <summary>
/// A typed result streamed through its descriptor (<see cref="PromptDescriptor.StreamPartials"/>): enumerate it for
/// the partial values as JSON, one whenever a member completes; when the enumeration ends, <see cref="ToRunResult"/>
/// holds the validated result as a non-streaming run returns it. Nothing is sent until it is enumerated, and it can
/// be enumerated once; an answer that no attempt makes valid ends the enumeration with
/// <see cref="PromptResultException"/>, as the method's own stream does.
/// </summary>
public sealed class PromptPartialStream : IAsyncEnumerable<PromptPartial>
{
    private readonly Func<CancellationToken, IAsyncEnumerator<PromptPartial>> _enumerate;
    private readonly Func<PromptRunResult> _result;
    private readonly Func<string> _modelId;

    internal PromptPartialStream(Func<CancellationToken, IAsyncEnumerator<PromptPartial>> enumerate, Func<PromptRunResult> result, Func<string> modelId)
    {
        _enumerate = enumerate;
        _result = result;
        _modelId = modelId;
    }

    /// <summary>The model the stream calls: the first of the method's models until it fails before a snapshot, then the fallback that answers.</summary>
    public string ModelId => _modelId();

    /// <summary>The validated result written as JSON, with every attempt, the usage and the latency.</summary>
    /// <exception cref="InvalidOperationException">The stream has not been read to its end.</exception>
    public PromptRunResult ToRunResult() => _result();

    /// <inheritdoc/>
    public IAsyncEnumerator<PromptPartial> GetAsyncEnumerator(CancellationToken cancellationToken = default) => _enumerate(cancellationToken);
}
