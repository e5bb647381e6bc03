using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis.CSharp;
using PromptGen.Generators.Models;

namespace PromptGen.Generators.Emit;

/// <summary>
/// Writes the tools of one prompt interface: per tool set, a class with each tool's schema and an invoker that
/// parses the model's input with the generated readers and calls the method (no reflection); the classes the
/// inputs are read into; the writers of tool results; and, per prompt method, the tool loop's options and call.
/// </summary>
internal static class ToolSetEmitter
{
    /// <summary>The class of the writers of tools' JSON results, nested in the implementation.</summary>
    public const string ResultWritersClassName = "ToolResults";

    /// <summary>A tool set's class is its type's name with this suffix, nested in the implementation.</summary>
    public const string SetClassSuffix = "Definitions";

    private const string ValueTaskOfOutput = "global::System.Threading.Tasks.ValueTask<" + RuntimeTypes.ToolOutput + ">";

    public static bool HasTools(PromptClientModel model) => model.Methods.Any(method => method.Tools is not null);

    /// <summary>The distinct tool sets of the interface with their generated class names.</summary>
    public static IReadOnlyList<(ToolSetModel Set, string ClassName)> SetsOf(PromptClientModel model)
    {
        var sets = new List<(ToolSetModel, string)>();
        var names = new HashSet<string>(System.StringComparer.Ordinal);
        foreach (ToolSetModel set in model.Methods.Where(method => method.Tools is not null).SelectMany(method => method.Tools!.Sets).Select(use => use.Set))
        {
            if (sets.Any(existing => existing.Item1.TypeName == set.TypeName))
            {
                continue;
            }

            string name = set.ShortName + SetClassSuffix;
            for (int suffix = 2; !names.Add(name); suffix++)
            {
                name = set.ShortName + suffix.ToString(CultureInfo.InvariantCulture) + SetClassSuffix;
            }

            sets.Add((set, name));
        }

        return sets;
    }

    /// <summary>The argument parsers the result parser emitter writes: one per tool, named after its arguments class.</summary>
    public static IEnumerable<(string MemberName, ResultModel Result)> ArgumentParsers(PromptClientModel model) =>
        SetsOf(model).SelectMany(entry => entry.Set.Tools).Select(tool => (tool.Arguments.Root.TypeName, tool.Arguments));

    /// <summary>The loop options of a method with tools, unless they are the defaults.</summary>
    public static void WriteLoopOptionsField(CodeWriter writer, PromptMethodModel method, string memberName)
    {
        if (method.Plan is null || method.Tools is not { } tools || (tools.Loop.IsDefault && !CachesTools(method)))
        {
            return;
        }

        ToolLoopModel loop = tools.Loop;
        var members = new List<string>
        {
            $"MaxIterations = {loop.MaxIterations.ToString(CultureInfo.InvariantCulture)}",
            $"Choice = {RuntimeTypes.ToolChoiceMode}.{loop.Choice}",
        };
        if (loop.Tool is not null)
        {
            members.Add($"Tool = {SymbolDisplay.FormatLiteral(loop.Tool, quote: true)}");
        }

        members.Add($"ParallelCalls = {(loop.ParallelCalls ? "true" : "false")}");
        if (CachesTools(method))
        {
            members.Add($"ToolsCachePoint = {InvocationOptionsEmitter.CachePointExpression(method.Plan.Options!.CachePoint!)}");
        }

        writer.WriteNewObject($"private static readonly {RuntimeTypes.ToolLoopOptions} {memberName}ToolLoop", members);
        writer.WriteLine();
    }

    /// <summary>[CachePoint(CacheAfter.Tools)]: the loop options carry a cache point after the tool definitions.</summary>
    private static bool CachesTools(PromptMethodModel method) => method.Plan?.Options?.CachePoint is { AfterTools: true };

    /// <summary>The method's last statements: its tools bound to the arguments, then the loop.</summary>
    public static void WriteRun(
        CodeWriter writer, PromptClientModel model, PromptMethodModel method, string memberName,
        string bedrock, string modelId, string request, string tools, string cancellation)
    {
        WriteTools(writer, model, method, tools);
        string options = OptionsExpression(method, memberName);
        string spec = method.Plan!.Result is null ? string.Empty : $"{memberName}Result, ";
        string run = method.Plan.Result is { WithDetails: true } ? "RunWithDetailsAsync" : "RunAsync";
        // With fallback models each model turn may go to the next model, with the same conversation.
        string models = method.Plan.FallbackModels.IsEmpty ? modelId : PromptCallEmitter.ModelsField(memberName);
        string call = $"await {RuntimeTypes.ToolLoop}.{run}({bedrock}, {models}, {request}, {spec}{tools}, {options}, {cancellation}).ConfigureAwait(false)";
        // A method that retrieved (once, before the loop) carries the passages on its detailed result.
        writer.WriteLine($"return {(method.Plan.Result is { WithDetails: true } ? RetrievalEmitter.WithPassages(method.Plan, call) : call)};");
    }

    /// <summary>The loop options of a method with tools: its options field, or the defaults.</summary>
    public static string OptionsExpression(PromptMethodModel method, string memberName) =>
        method.Tools!.Loop.IsDefault && !CachesTools(method) ? $"{RuntimeTypes.ToolLoopOptions}.Default" : memberName + "ToolLoop";

    /// <summary>The method's tools bound to its arguments, in a local named <paramref name="tools"/>.</summary>
    public static void WriteTools(CodeWriter writer, PromptClientModel model, PromptMethodModel method, string tools)
    {
        ToolingModel tooling = method.Tools!;
        IReadOnlyList<(ToolSetModel Set, string ClassName)> sets = SetsOf(model);
        string ClassOf(ToolSetModel set) => sets.First(entry => entry.Set.TypeName == set.TypeName).ClassName;
        if (tooling.Sets.Count == 1 && tooling.FunctionSources.Count == 0)
        {
            writer.WriteLine($"{RuntimeTypes.ToolDefinition}[] {tools} = {ClassOf(tooling.Sets[0].Set)}.For({tooling.Sets[0].ParameterIdentifier});");
        }
        else if (tooling.Sets.Count == 0 && tooling.FunctionSources.Count == 1)
        {
            writer.WriteLine($"{RuntimeTypes.ToolDefinition}[] {tools} = {RuntimeTypes.FunctionTools}.For({tooling.FunctionSources[0]});");
        }
        else
        {
            writer.WriteLine($"var {tools} = new global::System.Collections.Generic.List<{RuntimeTypes.ToolDefinition}>();");
            foreach (ToolSetUse use in tooling.Sets)
            {
                writer.WriteLine($"{tools}.AddRange({ClassOf(use.Set)}.For({use.ParameterIdentifier}));");
            }

            foreach (string source in tooling.FunctionSources)
            {
                writer.WriteLine($"{tools}.AddRange({RuntimeTypes.FunctionTools}.For({source}));");
            }
        }

    }

    /// <summary>The result writers, the tool-set classes and the argument classes, nested in the implementation.</summary>
    public static void Emit(CodeWriter writer, PromptClientModel model, ResultParserEmitter json)
    {
        IReadOnlyList<(ToolSetModel Set, string ClassName)> sets = SetsOf(model);
        List<ToolModel> jsonTools = sets.SelectMany(entry => entry.Set.Tools).Where(tool => tool.Result is not null).ToList();
        string writersClass = ResultWritersClassName;
        IReadOnlyList<string> writerEntries = new List<string>();
        if (jsonTools.Count > 0)
        {
            writer.WriteLine();
            writerEntries = ToolResultWriterEmitter.Emit(writer, writersClass, jsonTools.Select(tool => tool.Result!).ToList());
        }

        string WriterOf(ToolModel tool) => writersClass + "." + writerEntries[jsonTools.IndexOf(tool)];
        foreach ((ToolSetModel set, string className) in sets)
        {
            writer.WriteLine();
            WriteSetClass(writer, set, className, json, WriterOf);
        }

        foreach (ToolModel tool in sets.SelectMany(entry => entry.Set.Tools))
        {
            writer.WriteLine();
            WriteArgumentsClass(writer, tool);
        }
    }

    private static void WriteSetClass(CodeWriter writer, ToolSetModel set, string className, ResultParserEmitter json, System.Func<ToolModel, string> writerOf)
    {
        writer.WriteLine("/// <summary>");
        writer.WriteLine($"/// The tools of <see cref=\"{set.TypeName.Replace("global::", string.Empty)}\"/>:");
        writer.WriteLine("/// their schemas, and invokers that read the model's input without reflection.");
        writer.WriteLine("/// </summary>");
        writer.WriteLine($"private static class {className}");
        writer.OpenBlock();
        IReadOnlyList<string> invokers = InvokerNames(set);
        for (int i = 0; i < set.Tools.Count; i++)
        {
            ToolModel tool = set.Tools[i];
            string description = tool.Description is null ? "null" : SymbolDisplay.FormatLiteral(tool.Description, quote: true);
            writer.WriteLine($"private static readonly {RuntimeTypes.ToolSchema} {SchemaField(invokers[i])} = new(");
            writer.Indent++;
            writer.WriteLine($"{SymbolDisplay.FormatLiteral(tool.Name, quote: true)},");
            writer.WriteLine($"{description},");
            writer.WriteLine($"{json.SchemaOf(tool.Arguments)});");
            writer.Indent--;
            writer.WriteLine();
        }

        // A nullable tool-set parameter compiles without warnings; null is refused when the method is called.
        writer.WriteLine($"public static {RuntimeTypes.ToolDefinition}[] For({set.TypeName}? tools)");
        writer.OpenBlock();
        writer.WriteLine("global::System.ArgumentNullException.ThrowIfNull(tools);");
        writer.WriteLine("return new[]");
        writer.OpenBlock();
        for (int i = 0; i < set.Tools.Count; i++)
        {
            writer.WriteLine($"new {RuntimeTypes.ToolDefinition}({SchemaField(invokers[i])}, (input, cancellationToken) => {invokers[i]}(tools, input, cancellationToken)),");
        }

        writer.Indent--;
        writer.WriteLine("};");
        writer.CloseBlock();
        for (int i = 0; i < set.Tools.Count; i++)
        {
            writer.WriteLine();
            WriteInvoker(writer, set, set.Tools[i], invokers[i], json, writerOf);
        }

        writer.CloseBlock();
    }

    private static void WriteInvoker(CodeWriter writer, ToolSetModel set, ToolModel tool, string name, ResultParserEmitter json, System.Func<ToolModel, string> writerOf)
    {
        bool isAsync = tool.ReturnKind is ToolReturnKind.Task or ToolReturnKind.TaskOfString or ToolReturnKind.TaskOfJson
            or ToolReturnKind.ValueTask or ToolReturnKind.ValueTaskOfString or ToolReturnKind.ValueTaskOfJson;
        writer.WriteLine($"private static {(isAsync ? "async " : string.Empty)}{ValueTaskOfOutput} {name}({set.TypeName} tools, byte[] input, global::System.Threading.CancellationToken cancellationToken)");
        writer.OpenBlock();
        string argumentsType = tool.Arguments.Root.TypeName;
        writer.WriteLine($"{RuntimeTypes.ParseOutcome}<{argumentsType}> arguments = {json.ParserOf(tool.Arguments)}(input);");
        writer.WriteLine("if (!arguments.IsSuccess)");
        writer.OpenBlock();
        writer.WriteLine(Return(isAsync, $"{RuntimeTypes.ToolOutput}.InvalidInput(arguments.Errors)"));
        writer.CloseBlock();
        writer.WriteLine();

        string call = $"tools.{tool.MethodName}({string.Join(", ", tool.Parameters.Select(p => p.IsCancellationToken ? "cancellationToken" : "arguments.Value." + p.Identifier))})";
        string awaited = isAsync ? $"await {call}.ConfigureAwait(false)" : call;
        switch (tool.ReturnKind)
        {
            case ToolReturnKind.Void or ToolReturnKind.Task or ToolReturnKind.ValueTask:
                writer.WriteLine($"{awaited};");
                writer.WriteLine(Return(isAsync, $"{RuntimeTypes.ToolOutput}.Done()"));
                break;
            case ToolReturnKind.String or ToolReturnKind.TaskOfString or ToolReturnKind.ValueTaskOfString:
                writer.WriteLine(Return(isAsync, $"{RuntimeTypes.ToolOutput}.Text({awaited})"));
                break;
            default:
                writer.WriteLine($"{tool.Result!.Root.TypeName} value = {awaited};");
                writer.WriteLine(Return(isAsync, $"{RuntimeTypes.ToolOutput}.Json(writer => {writerOf(tool)}(writer, value))"));
                break;
        }

        writer.CloseBlock();
    }

    private static string SchemaField(string invoker) => invoker.Substring("Invoke".Length) + "Schema";

    private static string Return(bool isAsync, string output) =>
        isAsync ? $"return {output};" : $"return new {ValueTaskOfOutput}({output});";

    /// <summary>Invoke + method name, numbered when a set has overloads that are tools.</summary>
    private static IReadOnlyList<string> InvokerNames(ToolSetModel set)
    {
        var names = new List<string>();
        var used = new HashSet<string>(System.StringComparer.Ordinal);
        foreach (ToolModel tool in set.Tools)
        {
            string name = "Invoke" + tool.MethodName;
            for (int suffix = 2; !used.Add(name); suffix++)
            {
                name = "Invoke" + tool.MethodName + suffix.ToString(CultureInfo.InvariantCulture);
            }

            names.Add(name);
        }

        return names;
    }

    private static void WriteArgumentsClass(CodeWriter writer, ToolModel tool)
    {
        string name = tool.Arguments.Root.TypeName;
        ToolParameterModel[] inputs = tool.Parameters.Where(parameter => !parameter.IsCancellationToken).ToArray();
        writer.WriteLine($"/// <summary>The input of tool '{tool.Name}' ({tool.MethodName}), as read from the model's JSON.</summary>");
        writer.WriteLine($"private sealed class {name}");
        writer.OpenBlock();
        writer.WriteLine($"public {name}({string.Join(", ", inputs.Select(p => p.Type + " " + p.Identifier))})");
        writer.OpenBlock();
        foreach (ToolParameterModel parameter in inputs)
        {
            writer.WriteLine($"this.{parameter.Identifier} = {parameter.Identifier};");
        }

        writer.CloseBlock();
        foreach (ToolParameterModel parameter in inputs)
        {
            writer.WriteLine();
            writer.WriteLine($"public readonly {parameter.Type} {parameter.Identifier};");
        }

        writer.CloseBlock();
    }
}
