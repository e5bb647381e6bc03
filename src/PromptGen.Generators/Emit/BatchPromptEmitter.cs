using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis.CSharp;
using PromptGen.Generators.Models;

namespace PromptGen.Generators.Emit;

/// <summary>
/// Makes methods runnable over many inputs (PromptGen.Batch.BatchRunner): each eligible method's request is built by
/// one static <c>Build{Member}Request</c>, which the method itself calls too, so a batch record's <c>modelInput</c> is
/// the single call's request by construction; a <c>BatchPrompt</c> field pairs that builder with the method's result
/// spec; and the interface gets <c>public static class Batch</c> with one property per such method.
/// </summary>
internal static class BatchPromptEmitter
{
    private const string BatchPromptType = "global::PromptGen.Batch.BatchPrompt";
    private const string FactoryType = "global::PromptGen.CompilerServices.BatchPrompts";
    private const string ClassName = "Batch";

    /// <summary>
    /// A method a batch can run: one Converse call to one model, whose request depends on its arguments alone. Not
    /// streams, tools, media, history, retrieval, fallback models or detailed results, which a batch record cannot carry.
    /// </summary>
    public static bool IsBatchable(PromptMethodModel method) =>
        method.Plan is { } plan
        && method.Embedding is null
        && plan.Image is null
        && method.Tools is null
        && plan.Media.IsEmpty
        && plan.HistoryParameter is null
        && plan.Retrieval is null
        && plan.FallbackModels.IsEmpty
        && !plan.TextWithDetails
        && plan.Result is not { WithDetails: true }
        && method.ReturnKind is ReturnKind.TaskOfString or ReturnKind.ValueTaskOfString or ReturnKind.TaskOfResult or ReturnKind.ValueTaskOfResult
        && method.Parameters.All(p => p.RefKindPrefix.Length == 0 && !p.Type.StartsWith("params ", System.StringComparison.Ordinal) && !p.IsMedia)
        && InputParameters(method).Any();

    /// <summary>Whether the interface gets the Batch class: some method is batchable and no member is named Batch.</summary>
    public static bool HasBatchClass(PromptClientModel model) =>
        !model.HasUnresolvedTypes && model.Methods.Any(IsBatchable) && model.Methods.All(method => method.Name != ClassName);

    public static IEnumerable<ParameterModel> InputParameters(PromptMethodModel method) => method.Parameters.Where(p => !p.IsCancellationToken);

    public static string BuildMethodName(string memberName) => "Build" + memberName + "Request";

    /// <summary>The arguments of the builder's call, from the method's own parameters.</summary>
    public static string BuildCall(PromptMethodModel method, string memberName) =>
        $"{BuildMethodName(memberName)}({string.Join(", ", InputParameters(method).Select(p => p.Identifier))})";

    /// <summary>The <c>BatchPrompt</c> field, after the method's result spec field (static fields initialize in order).</summary>
    public static void WriteField(CodeWriter writer, PromptClientModel model, PromptMethodModel method, string memberName, string promptName)
    {
        if (!HasBatchClass(model) || !IsBatchable(method))
        {
            return;
        }

        PromptPlan plan = method.Plan!;
        ParameterModel[] inputs = InputParameters(method).ToArray();
        string input = InputType(model, inputs, memberName);
        string result = ResultType(plan);
        string call = inputs.Length == 1
            ? $"{BuildMethodName(memberName)}(input)"
            : $"{BuildMethodName(memberName)}({string.Join(", ", inputs.Select(p => "input." + p.Identifier))})";
        string name = SymbolDisplay.FormatLiteral(promptName, quote: true);
        string modelId = SymbolDisplay.FormatLiteral(plan.ModelId, quote: true);
        // The lambda's parameter is typed so the factory's type arguments are inferred, and the line stays short.
        string lambda = $"static ({input} input) => {call}";
        string factory = plan.Result is null
            ? $"{FactoryType}.Text({name}, {modelId}, {lambda})"
            : $"{FactoryType}.Structured({name}, {modelId}, {lambda}, {memberName}Result)";
        writer.WriteLine($"// {method.Name} over many inputs: the same request builder and result reader as a single call.");
        writer.WriteLine($"internal static readonly {BatchPromptType}<{input}, {result}> {memberName}Batch =");
        writer.Indent++;
        writer.WriteLine(factory + ";");
        writer.Indent--;
        writer.WriteLine();
    }

    /// <summary>The interface's <c>Batch</c> class: one property per batchable method.</summary>
    public static void WriteAccessors(CodeWriter writer, PromptClientModel model, IReadOnlyList<string> memberNames)
    {
        if (!HasBatchClass(model))
        {
            return;
        }

        writer.WriteLine();
        writer.WriteLine("/// <summary>");
        writer.WriteLine($"/// The methods of <see cref=\"{model.InterfaceName}\"/> that can run over many inputs, for");
        writer.WriteLine("/// <see cref=\"global::PromptGen.Batch.BatchRunner\"/>: as Bedrock batch jobs or on demand.");
        writer.WriteLine("/// </summary>");
        writer.WriteLine(PromptClientEmitter.GeneratedCodeAttribute);
        // A base prompt client's Batch is hidden: this one lists the inherited methods too.
        writer.WriteLine($"public static {(model.InheritsGenerated(HasBatchClass) ? "new " : "")}class {ClassName}");
        writer.OpenBlock();
        bool first = true;
        for (int i = 0; i < model.Methods.Count; i++)
        {
            PromptMethodModel method = model.Methods[i];
            if (!IsBatchable(method))
            {
                continue;
            }

            if (!first)
            {
                writer.WriteLine();
            }

            first = false;
            ParameterModel[] inputs = InputParameters(method).ToArray();
            if (inputs.Length > 1)
            {
                // Several parameters travel as one value: a record struct with the parameters' names and types.
                writer.WriteLine($"/// <summary>The arguments of <c>{method.Name}</c>, one input of a batch.</summary>");
                string head = $"public readonly record struct {memberNames[i]}Input(";
                string[] members = inputs.Select(p => $"{p.Type} {p.Identifier}").ToArray();
                if (writer.Fits(head + string.Join(", ", members) + ");"))
                {
                    writer.WriteLine(head + string.Join(", ", members) + ");");
                }
                else
                {
                    writer.WriteLine(head);
                    writer.Indent++;
                    for (int m = 0; m < members.Length; m++)
                    {
                        writer.WriteLine(members[m] + (m == members.Length - 1 ? ");" : ","));
                    }

                    writer.Indent--;
                }

                writer.WriteLine();
            }

            string input = inputs.Length == 1 ? inputs[0].Type : memberNames[i] + "Input";
            writer.WriteLine($"/// <summary><c>{method.Name}</c>: its request for each input, its typed result for each record.</summary>");
            string property = $"public static {BatchPromptType}<{input}, {ResultType(method.Plan!)}> {memberNames[i]}";
            string body = $"=> {model.ImplementationName}.{memberNames[i]}Batch;";
            if (writer.Fits(property + " " + body))
            {
                writer.WriteLine(property + " " + body);
            }
            else
            {
                writer.WriteLine(property);
                writer.Indent++;
                writer.WriteLine(body);
                writer.Indent--;
            }
        }

        writer.CloseBlock();
    }

    private static string InputType(PromptClientModel model, ParameterModel[] inputs, string memberName) =>
        inputs.Length == 1 ? inputs[0].Type : $"{model.InterfaceName}.{ClassName}.{memberName}Input";

    private static string ResultType(PromptPlan plan) => plan.Result?.Model.Root.TypeName ?? "string";
}
