using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;
using Scriban;
using Scriban.Runtime;

namespace PromptGen.CompilerServices;

/// <summary>
/// A Scriban prompt template, parsed once and rendered per call. Generated clients keep one per template in a
/// static field. Rendering is strict: a variable or member that does not exist is an error, never an empty string.
/// Used by generated code; not for direct use.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class PromptTemplate
{
    private readonly Template _template;

    private PromptTemplate(string text, Template template)
    {
        Text = text;
        _template = template;
    }

    /// <summary>The template source.</summary>
    public string Text { get; }

    /// <summary>Parses <paramref name="text"/>; the generator has already reported syntax errors at compile time.</summary>
    /// <exception cref="PromptTemplateException">The template has syntax errors.</exception>
    public static PromptTemplate Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        Template template = Template.Parse(text);
        if (template.HasErrors)
        {
            throw new PromptTemplateException($"The prompt template has errors: {template.Messages}", text);
        }

        return new PromptTemplate(text, template);
    }

    /// <summary>Renders the template with <paramref name="arguments"/> as its global variables.</summary>
    /// <exception cref="PromptTemplateException">Rendering failed, e.g. a variable or member does not exist.</exception>
    public string Render(PromptArguments arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var globals = new ScriptObject();
        foreach (KeyValuePair<string, object?> argument in arguments)
        {
            globals.SetValue(argument.Key, argument.Value, readOnly: true);
        }

        var context = new TemplateContext
        {
            StrictVariables = true,
            EnableRelaxedMemberAccess = false,
            // Prompts legitimately loop over long inputs; Scriban's default cap of 1000 iterations would cut them.
            LoopLimit = 0,
        };
        context.PushGlobal(globals);
        try
        {
            return _template.Render(context);
        }
        catch (Scriban.Syntax.ScriptRuntimeException exception)
        {
            throw new PromptTemplateException($"The prompt template failed to render: {exception.Message}", Text, exception);
        }
    }
}

/// <summary>
/// The named values a template renders over: the prompt method's parameters.
/// Used by generated code; not for direct use.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class PromptArguments : IEnumerable<KeyValuePair<string, object?>>
{
    private readonly List<KeyValuePair<string, object?>> _values;

    /// <summary>Creates an empty set of arguments.</summary>
    /// <param name="capacity">The number of arguments expected.</param>
    public PromptArguments(int capacity = 4) => _values = new List<KeyValuePair<string, object?>>(capacity);

    /// <summary>Adds the value of the template variable <paramref name="name"/>.</summary>
    /// <param name="name">The name templates use (the parameter's, in Scriban's snake case).</param>
    /// <param name="value">The argument.</param>
    public void Add(string name, object? value) => _values.Add(new KeyValuePair<string, object?>(name, value));

    /// <summary>
    /// Adds a parameter of static type <typeparamref name="T"/>. Generated code binds here (an exact match beats the
    /// conversion to <see cref="object"/>): the annotation tells the trimmer and NativeAOT to keep
    /// <typeparamref name="T"/>'s public properties and fields, which Scriban reads by reflection for
    /// <c>{{ ticket.title }}</c>. Without it they are trimmed away and rendering fails with "Cannot get member".
    /// Only the declared type is kept: members of a derived runtime type, or of an object reached through a member
    /// (<c>{{ ticket.customer.name }}</c>), are not.
    /// </summary>
    public void Add<[DynamicallyAccessedMembers(ScribanMemberAccess)] T>(string name, T value)
        => _values.Add(new KeyValuePair<string, object?>(name, value));

    /// <summary>What Scriban's member access reflects on: public properties and fields.</summary>
    internal const DynamicallyAccessedMemberTypes ScribanMemberAccess =
        DynamicallyAccessedMemberTypes.PublicProperties | DynamicallyAccessedMemberTypes.PublicFields;

    /// <inheritdoc />
    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => _values.GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}
