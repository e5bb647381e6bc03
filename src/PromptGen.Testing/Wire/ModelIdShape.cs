using PromptGen.Generators.Catalog;

namespace PromptGen.Testing.Wire;

/// <summary>
/// The shape of a <c>ConversationalModelId</c>, as the shared model catalog defines it. Any id of the right shape passes
/// this check; per-model rules apply only to models the catalog knows, so unknown (new) models keep working.
/// </summary>
internal static class ModelIdShape
{
    public const int MaxLength = ModelIdSyntax.MaxLength;

    public const string Pattern = ModelIdSyntax.Pattern;

    public static bool Matches(string modelId) => ModelIdSyntax.IsWellFormed(modelId);
}
