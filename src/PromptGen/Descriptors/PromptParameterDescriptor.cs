namespace PromptGen.Descriptors;

/// <summary>A parameter of a prompt method; its schema is its property in <see cref="PromptDescriptor.ArgumentsSchemaJson"/>.</summary>
/// <param name="Name">The parameter's name, also its JSON property name.</param>
/// <param name="TypeName">The parameter's type as C# names it.</param>
/// <param name="IsRequired">The arguments must have it (it is neither nullable nor defaulted).</param>
public sealed record PromptParameterDescriptor(string Name, string TypeName, bool IsRequired);
