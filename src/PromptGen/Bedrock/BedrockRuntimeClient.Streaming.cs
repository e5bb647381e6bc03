using System;
using System.Collections.Generic;
using System.Threading;

namespace PromptGen.Bedrock;

public sealed partial class BedrockRuntimeClient
{
    /// <inheritdoc />
    public IAsyncEnumerable<ConverseStreamEvent> ConverseStreamAsync(string modelId, ConverseRequest request, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("ConverseStream is being implemented (issue 5); only the API exists so far.");
}
