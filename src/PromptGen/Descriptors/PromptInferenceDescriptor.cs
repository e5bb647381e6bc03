using System;
using System.Collections.Generic;

namespace PromptGen.Descriptors;

/// <summary>The inference settings a prompt method sends; null means Bedrock's default applies.</summary>
public sealed record PromptInferenceDescriptor
{
    /// <summary>The most tokens the answer may have.</summary>
    public int? MaxTokens { get; init; }

    /// <summary>The sampling temperature.</summary>
    public double? Temperature { get; init; }

    /// <summary>The nucleus sampling probability mass.</summary>
    public double? TopP { get; init; }

    /// <summary>Sequences that end the answer; empty when none.</summary>
    public IReadOnlyList<string> StopSequences { get; init; } = Array.Empty<string>();
}
