using System;
using System.Text.RegularExpressions;

namespace PromptGen.Testing.Wire;

/// <summary>
/// The shape of a <c>ConversationalModelId</c>. Deliberately no catalog of models: any id of the right shape is
/// accepted, so tests never break when a new model appears.
/// </summary>
internal static class ModelIdShape
{
    public const int MaxLength = 2048;

    // Simplified from the service model's pattern: an ARN of Bedrock or SageMaker (its resource part may hold '/'),
    // or a bare id/profile id such as "us.anthropic.claude-haiku-4-5-20251001-v1:0".
    public const string Pattern = @"^(arn:aws(-[^:]+)?:(bedrock|sagemaker):[a-z0-9-]{1,20}:[0-9]{0,12}:[a-zA-Z0-9_./:-]+|[a-zA-Z0-9_.:-]+)$";

    private static readonly Regex Shape = new(Pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    public static bool Matches(string modelId) => Shape.IsMatch(modelId);
}
