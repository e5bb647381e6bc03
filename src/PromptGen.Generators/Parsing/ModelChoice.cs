using Microsoft.CodeAnalysis;

namespace PromptGen.Generators.Parsing;

/// <summary>Which attribute names a method's model.</summary>
internal enum ModelSource
{
    None,
    Method,
    Interface,
    AssemblyDefaults,
}

/// <summary>
/// The model a prompt method calls: its own <c>[Model]</c>, else its interface's <c>[PromptClient(Model = …)]</c>,
/// else <c>[assembly: PromptDefaults(Model = …)]</c>.
/// <list type="bullet">
/// <item>A level that names no model passes to the next one. A null id names none: <c>Model</c> is null when it is
/// not set, so <c>[PromptClient(Model = null)]</c> (or a constant that is null) means what <c>[PromptClient]</c> means,
/// and the generated code calls the next level's model. The analyzers used to stop at such a level and judge no
/// model at all, while the generator called the assembly default.</item>
/// <item>A level whose attribute does not compile stops the search with no model: the compiler's error says what is
/// wrong, and neither the generator (PG0200) nor the analyzers (checks against a model the user did not write for
/// this method) add to it. The generator used to skip a broken interface model and call the assembly default.</item>
/// </list>
/// </summary>
internal sealed class ModelChoice
{
    public static readonly ModelChoice None = new(null, ModelSource.None, null, isBroken: false);

    private ModelChoice(string? id, ModelSource source, AttributeData? attribute, bool isBroken)
    {
        Id = id;
        Source = source;
        Attribute = attribute;
        IsBroken = isBroken;
    }

    /// <summary>The model id as written (possibly blank: PG0200 and PG0202 say so); null when there is none.</summary>
    public string? Id { get; }

    public ModelSource Source { get; }

    /// <summary>The attribute the decision was read from, for an analyzer to find its literal; null for <see cref="None"/>.</summary>
    public AttributeData? Attribute { get; }

    /// <summary>The deciding attribute has a compile error, so there is no model and nothing more to report.</summary>
    public bool IsBroken { get; }

    public static ModelChoice Resolve(AttributeData? methodModel, AttributeData? client, AttributeData? assemblyDefaults) =>
        WrittenOn(methodModel, ModelSource.Method)
        ?? WrittenOn(client, ModelSource.Interface)
        ?? WrittenOn(assemblyDefaults, ModelSource.AssemblyDefaults)
        ?? None;

    /// <summary>What one attribute says on its own; null when it names no model, so the next level applies.</summary>
    public static ModelChoice? WrittenOn(AttributeData? attribute, ModelSource source)
    {
        if (attribute is null)
        {
            return null;
        }

        if (AttributeReader.HasErrors(attribute))
        {
            return new ModelChoice(null, source, attribute, isBroken: true);
        }

        string? id = source == ModelSource.Method
            ? AttributeReader.FirstStringArgument(attribute)
            : AttributeReader.NamedString(attribute, "Model");
        return id is null ? null : new ModelChoice(id, source, attribute, isBroken: false);
    }
}
