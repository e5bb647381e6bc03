using PromptGen.Generators.Models;

namespace PromptGen.Generators.Templates;

/// <summary>
/// A Scriban template turned into straight-line C#: text, values, conditions and loops, each already written as a
/// C# expression over the method's parameters. Plain data, so the pipeline can cache it.
/// </summary>
internal sealed record CompiledTemplate(string Source, EquatableArray<TemplateStep> Steps)
{
    /// <summary>The characters the template writes outside loops: the first guess at the output's size.</summary>
    public int LiteralLength => TemplateStep.LiteralLengthOf(Steps);

    /// <summary>How many values the template writes outside loops.</summary>
    public int ValueCount => TemplateStep.ValueCountOf(Steps);

    /// <summary>Some member access can meet a null object, and the error names the template.</summary>
    public bool NeedsSource => Source.Length > 0 && TemplateStep.UsesSource(Steps);
}

/// <summary>One step of a compiled template.</summary>
internal abstract record TemplateStep
{
    public static int LiteralLengthOf(EquatableArray<TemplateStep> steps)
    {
        int length = 0;
        foreach (TemplateStep step in steps)
        {
            length += step is TextStep text ? text.Text.Length : 0;
        }

        return length;
    }

    public static int ValueCountOf(EquatableArray<TemplateStep> steps)
    {
        int count = 0;
        foreach (TemplateStep step in steps)
        {
            count += step is ValueStep ? 1 : 0;
        }

        return count;
    }

    public static bool UsesSource(EquatableArray<TemplateStep> steps)
    {
        foreach (TemplateStep step in steps)
        {
            bool uses = step switch
            {
                ValueStep value => value.Expression.Contains(TemplateSourceReference),
                IfStep branch => branch.Condition.Contains(TemplateSourceReference) || UsesSource(branch.Then) || UsesSource(branch.Else),
                ForStep loop => loop.Source.Contains(TemplateSourceReference) || UsesSource(loop.Body),
                _ => false,
            };
            if (uses)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Stands for the template source constant in expressions; the emitter substitutes its name.</summary>
    public const string TemplateSourceReference = "{TEMPLATE}";
}

/// <summary>Literal text, written as is.</summary>
internal sealed record TextStep(string Text) : TemplateStep;

/// <summary>A value written the way Scriban writes it: <paramref name="Format"/> says which append to use.</summary>
internal sealed record ValueStep(string Expression, ValueFormat Format, string? FormatString) : TemplateStep;

/// <summary><c>if</c>/<c>else if</c>/<c>else</c>; an <c>else if</c> is an <see cref="IfStep"/> alone in <paramref name="Else"/>.</summary>
internal sealed record IfStep(string Condition, EquatableArray<TemplateStep> Then, EquatableArray<TemplateStep> Else) : TemplateStep;

/// <summary><c>for variable in source</c>; <paramref name="Source"/> is never null at run time (null iterates nothing).</summary>
internal sealed record ForStep(string Variable, string Source, EquatableArray<TemplateStep> Body) : TemplateStep;

/// <summary>How a value reaches the output.</summary>
internal enum ValueFormat
{
    /// <summary>A string (null writes nothing).</summary>
    Text,
    /// <summary>Scriban writes booleans as <c>true</c>/<c>false</c>.</summary>
    Boolean,
    /// <summary>Formatted with the invariant culture, with <see cref="ValueStep.FormatString"/> if set.</summary>
    Formatted,
}
