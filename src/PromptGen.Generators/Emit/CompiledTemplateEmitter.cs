using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis.CSharp;
using PromptGen.Generators.Models;
using PromptGen.Generators.Templates;

namespace PromptGen.Generators.Emit;

/// <summary>
/// Writes templates compiled to C#: the template text as a constant (what the code was compiled from, and what
/// errors name) and one static render method per template, appending to a pooled
/// <c>DefaultInterpolatedStringHandler</c> with the invariant culture.
/// </summary>
internal static class CompiledTemplateEmitter
{
    private const string Handler = "global::System.Runtime.CompilerServices.DefaultInterpolatedStringHandler";

    public static void WriteSourceConstant(CodeWriter writer, string constantName, CompiledTemplate template)
    {
        writer.WriteLine($"private const string {constantName} = {SymbolDisplay.FormatLiteral(template.Source, quote: true)};");
        writer.WriteLine();
    }

    public static string RenderCall(string renderMethodName, IEnumerable<ParameterModel> parameters) =>
        $"{renderMethodName}({string.Join(", ", TemplateParameters(parameters).Select(p => p.Identifier))})";

    /// <summary>The render call with each template parameter read from <paramref name="receiver"/> (a descriptor's arguments object).</summary>
    public static string RenderCallOn(string renderMethodName, IEnumerable<ParameterModel> parameters, string receiver) =>
        $"{renderMethodName}({string.Join(", ", TemplateParameters(parameters).Select(p => receiver + "." + p.Identifier))})";

    public static void WriteRenderMethod(CodeWriter writer, string renderMethodName, string constantName, CompiledTemplate template, IEnumerable<ParameterModel> parameters)
    {
        ParameterModel[] templateParameters = TemplateParameters(parameters).ToArray();
        string signature = string.Join(", ", templateParameters.Select(p => $"{TypeOf(p)} {p.Identifier}"));
        // The compiler keeps loop variables off both names; a parameter can only take the first.
        string output = templateParameters.Any(p => p.Identifier == "output") ? "templateOutput" : "output";
        writer.WriteLine();
        writer.WriteLine($"/// <summary>Renders <see cref=\"{constantName}\"/>, compiled to C# at build time.</summary>");
        writer.WriteLine($"private static string {renderMethodName}({signature})");
        writer.OpenBlock();
        string literalLength = template.LiteralLength.ToString(CultureInfo.InvariantCulture);
        string valueCount = template.ValueCount.ToString(CultureInfo.InvariantCulture);
        writer.WriteLine($"var {output} = new {Handler}({literalLength}, {valueCount}, global::System.Globalization.CultureInfo.InvariantCulture);");
        WriteSteps(writer, template.Steps, constantName, output);
        writer.WriteLine($"return {output}.ToStringAndClear();");
        writer.CloseBlock();
    }

    private static void WriteSteps(CodeWriter writer, EquatableArray<TemplateStep> steps, string constantName, string output)
    {
        foreach (TemplateStep step in steps)
        {
            switch (step)
            {
                case TextStep text:
                    writer.WriteLine($"{output}.AppendLiteral({SymbolDisplay.FormatLiteral(text.Text, quote: true)});");
                    break;
                case ValueStep value:
                    writer.WriteLine(output + "." + Append(value, constantName));
                    break;
                case IfStep branch:
                    WriteIf(writer, branch, constantName, output, elseIf: false);
                    break;
                case ForStep loop:
                    writer.WriteLine($"foreach (var {loop.Variable} in {Code(loop.Source, constantName)})");
                    writer.OpenBlock();
                    WriteSteps(writer, loop.Body, constantName, output);
                    writer.CloseBlock();
                    break;
            }
        }
    }

    private static void WriteIf(CodeWriter writer, IfStep branch, string constantName, string output, bool elseIf)
    {
        writer.WriteLine($"{(elseIf ? "else if" : "if")} ({Code(branch.Condition, constantName)})");
        writer.OpenBlock();
        WriteSteps(writer, branch.Then, constantName, output);
        writer.CloseBlock();
        if (branch.Else.Count == 1 && branch.Else[0] is IfStep next)
        {
            WriteIf(writer, next, constantName, output, elseIf: true);
        }
        else if (!branch.Else.IsEmpty)
        {
            writer.WriteLine("else");
            writer.OpenBlock();
            WriteSteps(writer, branch.Else, constantName, output);
            writer.CloseBlock();
        }
    }

    private static string Append(ValueStep value, string constantName)
    {
        string code = Code(value.Expression, constantName);
        return value.Format switch
        {
            ValueFormat.Boolean => $"AppendLiteral({code} ? \"true\" : \"false\");",
            ValueFormat.Formatted when value.FormatString is { } format => $"AppendFormatted({code}, {SymbolDisplay.FormatLiteral(format, quote: true)});",
            _ => $"AppendFormatted({code});",
        };
    }

    private static string Code(string expression, string constantName) =>
        expression.Replace(TemplateStep.TemplateSourceReference, constantName);

    private static IEnumerable<ParameterModel> TemplateParameters(IEnumerable<ParameterModel> parameters) =>
        parameters.Where(p => !p.IsCancellationToken && !p.IsMedia);

    private static string TypeOf(ParameterModel parameter) =>
        parameter.Type.StartsWith("params ", System.StringComparison.Ordinal) ? parameter.Type.Substring("params ".Length) : parameter.Type;
}
