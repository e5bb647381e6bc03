using System.ComponentModel;
namespace PromptGen.CompilerServices;

/// <summary>
/// One model a prompt may call, in the order tried: the method's model first, then its fallback models. Generated
/// per method from <c>[Model]</c> and <c>[FallbackModels]</c>.
/// Used by generated code; not for direct use.
/// </summary>
/// <param name="ModelId">A model id, inference profile or ARN.</param>
/// <param name="Strategy">
/// How a typed result is asked of this model, when it differs from the spec's: the generator picks it per model from
/// the catalog, since a fallback model may not support the primary's strategy. Null for text prompts.
/// </param>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly record struct ModelChoice(string ModelId, StructuredOutputStrategy? Strategy = null);
