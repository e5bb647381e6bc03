using System;
using System.Collections.Generic;
using System.ComponentModel;
using PromptGen.Bedrock;
using PromptGen.Retrieval;

namespace PromptGen.CompilerServices;

/// <summary>
/// What a streaming method that retrieves prepares when its stream is enumerated: the passages, and the request its
/// templates built from them. Used by generated code; not for direct use.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class RetrievedRequest
{
    /// <summary>Pairs a request with the passages it was built from.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public RetrievedRequest(ConverseRequest request, IReadOnlyList<RetrievedPassage> passages)
    {
        Request = request ?? throw new ArgumentNullException(nameof(request));
        Passages = passages ?? throw new ArgumentNullException(nameof(passages));
    }

    /// <summary>The request to stream.</summary>
    public ConverseRequest Request { get; }

    /// <summary>The passages retrieved for it, best first.</summary>
    public IReadOnlyList<RetrievedPassage> Passages { get; }
}
