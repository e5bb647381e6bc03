namespace PromptGen.Generators.Catalog;

/// <summary>A model's state on Bedrock, as its model card gives it (wire spec §7, "Lifecycle").</summary>
internal enum ModelLifecycle
{
    Active,

    /// <summary>Still callable, with an end-of-life date announced or expected.</summary>
    Legacy,

    /// <summary>Past its end-of-life date: calls fail.</summary>
    EndOfLife,
}
