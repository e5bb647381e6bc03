namespace PromptGen;

/// <summary>How the model is made to answer with JSON of the result's schema.</summary>
public enum StructuredOutputStrategy
{
    /// <summary>The schema goes into the prompt with instructions; works with every model, enforced by nothing.</summary>
    PromptOnly,

    /// <summary>The schema is the input schema of a tool the model is forced to call; the call's input is the result.</summary>
    ForcedTool,

    /// <summary>Bedrock's <c>outputConfig</c> constrains the text answer to the schema (models that support it).</summary>
    NativeSchema,
}
