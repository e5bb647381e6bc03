using System;

namespace PromptGen;

/// <summary>
/// Marks a <c>partial interface</c> whose methods are prompts. PromptGen generates its implementation and a
/// static <c>Create</c> factory on the interface.
/// </summary>
[AttributeUsage(AttributeTargets.Interface, AllowMultiple = false, Inherited = false)]
public sealed class PromptClientAttribute : Attribute
{
    /// <summary>The Bedrock model id or inference profile used by every method that names none itself.</summary>
    public string? Model { get; set; }
}

/// <summary>
/// Project-wide prompt settings, e.g. <c>[assembly: PromptDefaults(Model = "us.amazon.nova-lite-v1:0")]</c>. A method
/// takes its model from its own <c>[Model]</c>, else from its interface's <c>[PromptClient(Model = …)]</c>, else from here.
/// </summary>
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = false, Inherited = false)]
public sealed class PromptDefaultsAttribute : Attribute
{
    /// <summary>The Bedrock model id or inference profile used by every prompt method that names none.</summary>
    public string? Model { get; set; }
}

/// <summary>
/// Marks a prompt method parameter that is deliberately not referenced by the method's templates (for example one
/// the method uses otherwise), so PromptGen does not warn that the model never sees it (PG0102).
/// </summary>
[AttributeUsage(AttributeTargets.Parameter, AllowMultiple = false, Inherited = false)]
public sealed class NotInTemplateAttribute : Attribute
{
}

/// <summary>The user-turn template of a prompt method: Scriban over the method's parameters.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class PromptAttribute : Attribute
{
    /// <summary>Declares the user-turn template of the method.</summary>
    /// <param name="template">Scriban over the method's parameters; checked at build time (PG0100–PG0104).</param>
    public PromptAttribute(string template) => Template = template;

    /// <summary>The Scriban template, e.g. <c>"Summarize: {{ ticket.title }}"</c>.</summary>
    public string Template { get; }
}

/// <summary>
/// The system prompt template. On an interface it applies to every method that declares none itself.
/// </summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Interface, AllowMultiple = false, Inherited = false)]
public sealed class SystemPromptAttribute : Attribute
{
    /// <summary>Declares the system prompt of the method, or of every method of the interface.</summary>
    /// <param name="template">Scriban over the method's parameters, like <see cref="PromptAttribute.Template"/>.</param>
    public SystemPromptAttribute(string template) => Template = template;

    /// <summary>The Scriban template rendered into Converse <c>system</c>.</summary>
    public string Template { get; }
}

/// <summary>
/// Models to try, in order, when the method's model fails: throttled, unavailable, timed out, erroring, or (for a
/// typed result) still invalid after its repair attempts. The client's own retries run first, on each model; see
/// <c>PromptGen.ModelFallbackPolicy</c> for which failures fall back. Each id is checked at build time like
/// <see cref="ModelAttribute"/>'s, and a typed result is asked of each model in the way that model supports.
/// On an interface it applies to every method that declares none itself; <c>[FallbackModels]</c> with no ids on a
/// method turns it off there. Streaming methods call only their first model.
/// </summary>
/// <example><code>
/// [Model("us.amazon.nova-micro-v1:0")]
/// [FallbackModels("us.anthropic.claude-haiku-4-5-20251001-v1:0")]
/// </code></example>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Interface, AllowMultiple = false, Inherited = false)]
public sealed class FallbackModelsAttribute : Attribute
{
    /// <summary>Declares the models to try after the method's own model, in order.</summary>
    /// <param name="ids">Model ids or inference profiles; none turns fallback off for a method.</param>
    public FallbackModelsAttribute(params string[] ids) => Ids = ids ?? Array.Empty<string>();

    /// <summary>The fallback model ids or inference profiles, in the order they are tried; empty when fallback is off.</summary>
    public string[] Ids { get; }
}

/// <summary>The Bedrock model id or inference profile for one method; overrides the interface default.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class ModelAttribute : Attribute
{
    /// <summary>Declares the model the method calls.</summary>
    /// <param name="id">A Bedrock model id (<c>amazon.nova-lite-v1:0</c>), inference profile (<c>us.amazon.nova-lite-v1:0</c>)
    /// or ARN; checked against the model catalog at build time.</param>
    public ModelAttribute(string id) => Id = id;

    /// <summary>The model id, inference profile or ARN sent as Converse <c>modelId</c>.</summary>
    public string Id { get; }
}

/// <summary>
/// Inference settings sent as Converse <c>inferenceConfig</c>. Only the properties you set are sent; on a method
/// they override, one by one, the ones set on the interface.
/// </summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Interface, AllowMultiple = false, Inherited = false)]
public sealed class InferenceAttribute : Attribute
{
    /// <summary>The most tokens the model may generate (at least 1).</summary>
    public int MaxTokens { get; set; }

    /// <summary>Sampling temperature, 0 to 1.</summary>
    public double Temperature { get; set; }

    /// <summary>Nucleus sampling, 0 to 1.</summary>
    public double TopP { get; set; }

    /// <summary>Sequences that stop generation.</summary>
    public string[]? StopSequences { get; set; }
}

/// <summary>
/// How a typed result is asked of the model, overriding the choice PromptGen makes from its model catalog
/// (native structured output, else a forced tool, else the schema in the prompt). On an interface it applies to
/// every method that declares none itself.
/// </summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Interface, AllowMultiple = false, Inherited = false)]
public sealed class StructuredOutputAttribute : Attribute
{
    /// <summary>The strategy to use; when not set, PromptGen chooses from the model catalog.</summary>
    public PromptGen.StructuredOutputStrategy Strategy { get; set; }

    /// <summary>How many times the model is re-asked after an invalid answer (0 to 10; default 1).</summary>
    public int MaxRepairAttempts { get; set; } = 1;
}
