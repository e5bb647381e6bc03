using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace PromptGen.Benchmarks.Calls;

/// <summary>The generated side of <see cref="EmbeddingBatchBenchmarks"/>: a batch of texts through Titan Text Embeddings V2.</summary>
[PromptClient(Model = "amazon.titan-embed-text-v2:0")]
public partial interface IEmbeddingPrompts
{
    [Embedding(Dimensions = 256)]
    Task<IReadOnlyList<ReadOnlyMemory<float>>> EmbedAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken = default);
}
