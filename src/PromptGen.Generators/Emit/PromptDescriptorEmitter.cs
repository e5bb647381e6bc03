using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis.CSharp;
using PromptGen.Generators.Models;

namespace PromptGen.Generators.Emit;

/// <summary>
/// Writes, for an interface marked [PromptDescriptors], one <c>PromptDescriptor</c> per method that can have one and
/// the interface's static <c>Descriptors</c> list. Each reuses what the method itself runs: its
/// <c>Build{Member}Request</c> builder, its result spec and its models field; the arguments are read by a parser the
/// result parser emitter writes (as tools' arguments are), and a typed result is written back as JSON by the
/// writers tools' results use. No reflection anywhere, so descriptors work trimmed and with NativeAOT.
/// </summary>
internal static class PromptDescriptorEmitter
{
    private const string DescriptorType = "global::PromptGen.Descriptors.PromptDescriptor";
    private const string PropertyName = "Descriptors";
    private const string WritersClass = "DescriptorResultWriters";
    private const string PartialWritersClass = "DescriptorPartialWriters";
    private const string ProviderName = "DescriptorsProvider";
    private const string ProviderInterface = "global::PromptGen.Descriptors.IPromptDescriptorsProvider";

    /// <summary>The interface gets its Descriptors list: opted in, generated, and no member already has the name.</summary>
    public static bool HasDescriptors(PromptClientModel model) =>
        model.HasDescriptors && !model.HasUnresolvedTypes && model.Methods.All(method => method.Name != PropertyName);

    /// <summary>
    /// A method with a descriptor: one Converse call (or stream) built from its arguments alone, whose parameters all
    /// have a JSON shape (<see cref="DescriptorSupport"/>, the rule PG0023 explains).
    /// </summary>
    public static bool IsDescribed(PromptClientModel model, PromptMethodModel method) =>
        HasDescriptors(model) && DescriptorSupport.IsDescribable(method);

    /// <summary>A described Converse method, whose descriptor calls its <c>Build{Member}Request</c> (image and embedding methods have none).</summary>
    public static bool UsesRequestBuilder(PromptClientModel model, PromptMethodModel method) =>
        IsDescribed(model, method) && method.Embedding is null && method.Plan is { Image: null };

    /// <summary>The arguments objects the result parser emitter writes parsers for.</summary>
    public static IEnumerable<ResultModel> ArgumentModels(PromptClientModel model) =>
        model.Methods.Where(method => IsDescribed(model, method)).Select(method => method.DescriptorArguments!);

    /// <summary>The interface's static <c>Descriptors</c> property.</summary>
    public static void WriteAccessor(CodeWriter writer, PromptClientModel model)
    {
        if (!HasDescriptors(model))
        {
            return;
        }

        writer.WriteLine();
        writer.WriteLine("/// <summary>");
        writer.WriteLine($"/// The methods of <see cref=\"{model.InterfaceName}\"/> as data: what each sends, and an invoker taking its");
        writer.WriteLine("/// arguments as JSON (for the prompt playground and other tools).");
        writer.WriteLine("/// </summary>");
        writer.WriteLine(PromptClientEmitter.GeneratedCodeAttribute);
        string hides = model.InheritsGenerated(HasDescriptors) ? "new " : ""; // this list has the inherited methods too
        writer.WriteLine($"public static {hides}global::System.Collections.Generic.IReadOnlyList<{DescriptorType}> {PropertyName}");
        writer.Indent++;
        writer.WriteLine($"=> {model.ImplementationName}.{PropertyName};");
        writer.Indent--;
        if (!HasProvider(model))
        {
            return;
        }

        writer.WriteLine();
        writer.WriteLine("/// <summary>");
        writer.WriteLine($"/// <see cref=\"{PropertyName}\"/> for tools that load this assembly (<c>promptgen playground</c>), named by the");
        writer.WriteLine(model.ContainingTypes.IsEmpty
            ? "/// assembly's <c>PromptDescriptorsProvider</c> attribute."
            : "/// interface it is nested in (an interface nested in a type has no assembly attribute).");
        writer.WriteLine("/// </summary>");
        writer.WriteLine(PromptClientEmitter.GeneratedCodeAttribute);
        writer.WriteLine("[global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]");
        writer.WriteLine($"public {(model.InheritsGenerated(HasProvider) ? "new " : "")}sealed class {ProviderName} : {ProviderInterface}");
        writer.OpenBlock();
        writer.WriteLine("/// <inheritdoc/>");
        writer.WriteLine($"public global::System.Collections.Generic.IReadOnlyList<{DescriptorType}> {PropertyName} => {model.ImplementationName}.{PropertyName};");
        writer.CloseBlock();
    }

    /// <summary>
    /// The assembly attribute naming the interface's provider, written before the namespace. Only for an interface not
    /// nested in another type: an assembly attribute cannot always reach a nested one (a private containing type), so
    /// tools that load the assembly find a nested interface's provider as the type nested in it that implements
    /// <c>IPromptDescriptorsProvider</c> (reflection, in the tool; the generated code has none).
    /// </summary>
    public static void WriteProviderAttribute(CodeWriter writer, PromptClientModel model)
    {
        if (HasProvider(model) && model.ContainingTypes.IsEmpty)
        {
            writer.WriteLine($"[assembly: global::PromptGen.Descriptors.PromptDescriptorsProvider(typeof({model.FullyQualifiedInterfaceName}.{ProviderName}))]");
            writer.WriteLine();
        }
    }

    private static bool HasProvider(PromptClientModel model) =>
        HasDescriptors(model) && model.Methods.All(method => method.Name != ProviderName);

    /// <summary>The writers of typed results, the arguments classes, each method's descriptor and the list, in the implementation.</summary>
    public static void WriteFields(CodeWriter writer, PromptClientModel model, IReadOnlyList<string> memberNames, ResultParserEmitter json, string interfaceName)
    {
        if (!HasDescriptors(model))
        {
            return;
        }

        var described = new List<int>();
        for (int i = 0; i < model.Methods.Count; i++)
        {
            if (IsDescribed(model, model.Methods[i]))
            {
                described.Add(i);
            }
        }

        List<ResultModel> results = described.Select(i => model.Methods[i].Plan?.Result?.Model).OfType<ResultModel>().Distinct().ToList();
        IReadOnlyList<string> writerEntries = new List<string>();
        if (results.Count > 0)
        {
            writerEntries = ToolResultWriterEmitter.Emit(writer, WritersClass, results);
            writer.WriteLine();
        }

        // ResultStream methods: their partial values are written as JSON by the same writer, over the partial types.
        StreamingPartialTypes? partialTypes = null;
        var partialOf = new Dictionary<int, ResultModel>();
        foreach (int i in described)
        {
            if (StreamsPartials(model.Methods[i]))
            {
                partialOf[i] = PartialResultModels.Of(model.Methods[i].Plan!.Result!.Model, partialTypes ??= StreamingPartialTypes.Of(model));
            }
        }

        List<ResultModel> partials = partialOf.Values.Distinct().ToList();
        IReadOnlyList<string> partialEntries = new List<string>();
        if (partials.Count > 0)
        {
            partialEntries = ToolResultWriterEmitter.Emit(writer, PartialWritersClass, partials, "Writes the partial values of streamed results as JSON, without reflection.");
            writer.WriteLine();
        }

        foreach (int i in described)
        {
            PromptMethodModel method = model.Methods[i];
            WriteArgumentsClass(writer, method);
            writer.WriteLine();
            if (method.Plan is { Image: not null })
            {
                WriteImageDescriptor(writer, method, memberNames[i], json, interfaceName);
                writer.WriteLine();
                continue;
            }

            if (method.Embedding is { } embedding)
            {
                WriteEmbeddingDescriptor(writer, method, embedding, memberNames[i], json, interfaceName);
                writer.WriteLine();
                continue;
            }

            ResultModel? result = method.Plan!.Result?.Model;
            string? resultWriter = result is null ? null : WritersClass + "." + writerEntries[results.IndexOf(result)];
            string? partialWriter = partialOf.TryGetValue(i, out ResultModel? partial) ? PartialWritersClass + "." + partialEntries[partials.IndexOf(partial)] : null;
            WriteDescriptor(writer, method, memberNames[i], json, resultWriter, partialWriter, interfaceName);
            writer.WriteLine();
        }

        writer.WriteLine($"internal static readonly {DescriptorType}[] {PropertyName} =");
        writer.OpenBlock();
        foreach (int i in described)
        {
            writer.WriteLine(memberNames[i] + "Descriptor,");
        }

        writer.Indent--;
        writer.WriteLine("};");
        writer.WriteLine();
    }

    private static void WriteArgumentsClass(CodeWriter writer, PromptMethodModel method)
    {
        string name = method.DescriptorArguments!.Root.TypeName;
        ParameterModel[] inputs = JsonInputs(method);
        writer.WriteLine($"/// <summary>The arguments of <c>{method.Name}</c> as one object, read from JSON by its descriptor.</summary>");
        writer.WriteLine($"private sealed class {name}");
        writer.OpenBlock();
        writer.WriteLine($"public {name}({string.Join(", ", inputs.Select(p => p.Type + " " + p.Identifier))})");
        writer.OpenBlock();
        foreach (ParameterModel parameter in inputs)
        {
            writer.WriteLine($"this.{parameter.Identifier} = {parameter.Identifier};");
        }

        writer.CloseBlock();
        foreach (ParameterModel parameter in inputs)
        {
            writer.WriteLine();
            writer.WriteLine($"public readonly {parameter.Type} {parameter.Identifier};");
        }

        writer.CloseBlock();
    }

    /// <summary>
    /// An embedding method: its text input from the arguments, its spec field (the method's own), the InvokeModel
    /// operation; no templates (the text is sent as given) and the vectors summarized as the result.
    /// </summary>
    private static void WriteEmbeddingDescriptor(CodeWriter writer, PromptMethodModel method, EmbeddingPlan embedding, string memberName, ResultParserEmitter json, string interfaceName)
    {
        ResultModel arguments = method.DescriptorArguments!;
        List<string> members = CommonMembers(writer, method, memberName, json, interfaceName);
        members.Add($"UserTemplate = {Literal("{{ " + embedding.InputParameter + " }}")}");
        members.Add($"ModelId = {Literal(embedding.ModelId)}");
        members.Add($"ResultTypeName = {Literal(embedding.Many ? "embeddings" : "embedding")}");
        members.Add($"Operation = {Literal("InvokeModel")}");
        string texts = embedding.Many
            ? $"static arguments => arguments.{embedding.InputParameter}"
            : $"static arguments => new[] {{ arguments.{embedding.InputParameter} }}";
        string invoker = $"global::PromptGen.CompilerServices.PromptInvokers.Embedding<{arguments.Root.TypeName}>({json.ParserOf(arguments)}, {texts}, {InvokeMethodEmitter.SpecField(memberName, embedding: true)})";
        members.Add($"Invoker = {invoker}");
        writer.WriteLine($"// {method.Name} as data, for the playground and other tools.");
        writer.WriteNewObject($"private static readonly {DescriptorType} {memberName}Descriptor", members);
    }

    /// <summary>
    /// An image generation method: its prompt from its compiled template's render method, its spec field (the
    /// method's own), the InvokeModel operation; the images come back as base64.
    /// </summary>
    private static void WriteImageDescriptor(CodeWriter writer, PromptMethodModel method, string memberName, ResultParserEmitter json, string interfaceName)
    {
        PromptPlan plan = method.Plan!;
        ResultModel arguments = method.DescriptorArguments!;
        List<string> members = CommonMembers(writer, method, memberName, json, interfaceName);
        members.Add($"UserTemplate = {TemplateText(memberName + "UserTemplate", plan.CompiledUserTemplate)}");
        members.Add($"ModelId = {Literal(plan.ModelId)}");
        members.Add($"ResultTypeName = {Literal(plan.Image!.Many ? "images" : "image")}");
        members.Add($"Operation = {Literal("InvokeModel")}");
        string render = "static arguments => " + CompiledTemplateEmitter.RenderCallOn("Render" + memberName + "User", RetrievalEmitter.TemplateInputs(method), "arguments");
        members.Add($"Invoker = global::PromptGen.CompilerServices.PromptInvokers.Image<{arguments.Root.TypeName}>({json.ParserOf(arguments)}, {render}, {InvokeMethodEmitter.SpecField(memberName, embedding: false)})");
        writer.WriteLine($"// {method.Name} as data, for the playground and other tools.");
        writer.WriteNewObject($"private static readonly {DescriptorType} {memberName}Descriptor", members);
    }

    /// <summary>The names, the arguments schema and the parameters field every descriptor has.</summary>
    private static List<string> CommonMembers(CodeWriter writer, PromptMethodModel method, string memberName, ResultParserEmitter json, string interfaceName)
    {
        ResultModel arguments = method.DescriptorArguments!;
        ObjectShape shape = arguments.Objects.First(candidate => candidate.Id == arguments.Root.ShapeId);
        ParameterModel[] inputs = BatchPromptEmitter.InputParameters(method).ToArray();
        IReadOnlyList<MediaParameterModel> media = Media(method);
        string schema = json.SchemaOf(arguments);
        if (media.Count > 0)
        {
            // Read by the runtime from {"format","base64"}; the field comes before the descriptor that uses it.
            string[] entries = media.Select(m => $"new({Literal(MediaName(m))}, global::PromptGen.Descriptors.PromptMediaKind.{m.Kind}, {(m.AcceptsNull ? "false" : "true")})").ToArray();
            writer.WriteLine($"private static readonly global::PromptGen.Descriptors.PromptMediaParameter[] {memberName}Media =");
            writer.OpenBlock();
            writer.WriteFilled(entries);
            writer.Indent--;
            writer.WriteLine("};");
            writer.WriteLine();
            schema = $"global::PromptGen.CompilerServices.PromptInvokers.SchemaWithMedia({schema}, {memberName}Media)";
        }

        if (method.DescriptorHistory is { } history)
        {
            // Read by the runtime from [{"role","text"}]; its schema added beside the generated one.
            schema = $"global::PromptGen.CompilerServices.PromptInvokers.SchemaWithHistory({schema}, {Literal(history.JsonName)}, {(history.IsRequired ? "true" : "false")})";
        }

        var members = new List<string>
        {
            $"InterfaceName = {Literal(interfaceName)}",
            $"MethodName = {Literal(method.Name)}",
            $"ArgumentsSchemaJson = {schema}",
        };
        if (inputs.Length > 0)
        {
            // Its own field, filled line by line, so a long parameter list stays readable. Declaration order; a media
            // parameter is required unless it accepts null.
            int property = 0;
            string[] parameters = inputs.Select(p => p.IsMedia
                ? $"new({Literal(MediaName(media.First(m => m.Identifier == p.Identifier)))}, {Literal(Display(p.Type))}, {(media.First(m => m.Identifier == p.Identifier).AcceptsNull ? "false" : "true")})"
                : IsHistory(method, p)
                    ? $"new({Literal(method.DescriptorHistory!.JsonName)}, {Literal(method.DescriptorHistory.TypeDisplay)}, {(method.DescriptorHistory.IsRequired ? "true" : "false")})"
                    : ParameterEntry(shape.Properties[property++], p)).ToArray();
            writer.WriteLine($"private static readonly global::PromptGen.Descriptors.PromptParameterDescriptor[] {memberName}Parameters =");
            writer.OpenBlock();
            writer.WriteFilled(parameters);
            writer.Indent--;
            writer.WriteLine("};");
            writer.WriteLine();
            members.Add($"Parameters = {memberName}Parameters");
        }

        return members;
    }

    /// <summary>The method returns <c>ResultStream&lt;T, TPartial&gt;</c>, whose partial values its descriptor streams.</summary>
    private static bool StreamsPartials(PromptMethodModel method) =>
        method.ReturnKind == ReturnKind.ResultStream && method.Plan?.Result is { StreamedPartialType: not null };

    private static void WriteDescriptor(CodeWriter writer, PromptMethodModel method, string memberName, ResultParserEmitter json, string? resultWriter, string? partialWriter, string interfaceName)
    {
        PromptPlan plan = method.Plan!;
        ParameterModel[] inputs = BatchPromptEmitter.InputParameters(method).ToArray();
        List<string> members = CommonMembers(writer, method, memberName, json, interfaceName);
        if (plan.SystemTemplate is not null)
        {
            members.Add($"SystemTemplate = {TemplateText(memberName + "SystemTemplate", plan.CompiledSystemTemplate)}");
        }

        members.Add($"UserTemplate = {TemplateText(memberName + "UserTemplate", plan.CompiledUserTemplate)}");
        members.Add($"ModelId = {Literal(plan.ModelId)}");
        if (!plan.FallbackModels.IsEmpty)
        {
            members.Add($"FallbackModelIds = new[] {{ {string.Join(", ", plan.FallbackModels.Select(fallback => Literal(fallback.ModelId)))} }}");
        }

        if (!plan.Inference.IsEmpty)
        {
            members.Add($"Inference = new() {{ {string.Join(", ", InferenceMembers(plan.Inference))} }}");
        }

        if (plan.Result is { } result)
        {
            members.Add($"Strategy = {RuntimeTypes.StructuredOutputStrategy}.{result.Strategy}");
            members.Add($"ResultSchemaJson = {json.SchemaOf(result.Model)}");
        }

        members.Add($"ResultTypeName = {Literal(plan.Result is { } typed ? Display(typed.Model.Root.TypeName) : "string")}");
        if (method.ReturnKind is ReturnKind.TextStream or ReturnKind.PromptStream || partialWriter is not null)
        {
            members.Add("Streams = true");
        }

        // The request comes from the builder the method itself calls, so what is shown and run is what it sends.
        IReadOnlyList<MediaParameterModel> media = Media(method);
        string build = media.Count == 0
            ? $"static arguments => {BatchPromptEmitter.BuildMethodName(memberName)}({string.Join(", ", inputs.Select(p => ArgumentValue(method, p)))})"
            : $"static (arguments, media) => {BatchPromptEmitter.BuildMethodName(memberName)}({string.Join(", ", inputs.Select(p => p.IsMedia ? MediaValue(p, media) : ArgumentValue(method, p)))})";
        string mediaArgument = media.Count == 0 ? string.Empty : $", {memberName}Media";
        string models = plan.FallbackModels.IsEmpty
            ? $"new {RuntimeTypes.ModelChoice}[] {{ new({Literal(plan.ModelId)}) }}"
            : PromptCallEmitter.ModelsField(memberName);
        string parse = Parser(method, json);
        // With a history or partial values the type arguments are long (a tuple, three types): the compiler infers
        // them from the parser, the spec and the partial builder factory, so they are left out.
        bool inferred = method.DescriptorHistory is not null || partialWriter is not null;
        string typeArguments = plan.Result is null
            ? $"<{ArgumentsType(method)}>"
            : $"<{ArgumentsType(method)}, {plan.Result.Model.Root.TypeName}>";
        if (inferred)
        {
            typeArguments = string.Empty;
        }

        string invoker = plan.Result is null
            ? $"global::PromptGen.CompilerServices.PromptInvokers.Text{typeArguments}({parse}, {build}, {models}{mediaArgument})"
            : partialWriter is null
                ? $"global::PromptGen.CompilerServices.PromptInvokers.Structured{typeArguments}({parse}, {build}, {memberName}Result, {resultWriter}, {models}{mediaArgument})"
                // The partial values come from the builder factory the method's own stream uses.
                : $"global::PromptGen.CompilerServices.PromptInvokers.PartialResult({parse}, {build}, {memberName}Result, {resultWriter}, "
                    + $"{StreamingBuilderEmitter.ClassName}.{StreamingBuilderEmitter.FactoryName(plan.Result)}, {partialWriter}, {models}{mediaArgument})";
        members.Add($"Invoker = {invoker}");

        writer.WriteLine($"// {method.Name} as data, for the playground and other tools.");
        writer.WriteNewObject($"private static readonly {DescriptorType} {memberName}Descriptor", members);
    }

    /// <summary>The parameters the generated arguments object holds: all but the cancellation token and media.</summary>
    private static ParameterModel[] JsonInputs(PromptMethodModel method) =>
        BatchPromptEmitter.InputParameters(method).Where(p => !p.IsMedia && !IsHistory(method, p)).ToArray();

    private static bool IsHistory(PromptMethodModel method, ParameterModel parameter) =>
        method.DescriptorHistory is { } history && history.Identifier == parameter.Identifier;

    /// <summary>
    /// The type the invoker's parser reads: the generated arguments class, paired with the history's turns when the
    /// method takes one (read beside it by <c>PromptInvokers.WithHistory</c>).
    /// </summary>
    private static string ArgumentsType(PromptMethodModel method) =>
        method.DescriptorHistory is { } history
            ? $"({method.DescriptorArguments!.Root.TypeName} Arguments, global::System.Collections.Generic.List<{HistoryElement(history)}> History)"
            : method.DescriptorArguments!.Root.TypeName;

    private static string HistoryElement(DescriptorHistoryModel history) =>
        history.ChatMessages ? "global::Microsoft.Extensions.AI.ChatMessage" : "global::PromptGen.Message";

    /// <summary>The parser of <see cref="ArgumentsType"/>.</summary>
    private static string Parser(PromptMethodModel method, ResultParserEmitter json)
    {
        string parse = json.ParserOf(method.DescriptorArguments!);
        return method.DescriptorHistory is { } history
            ? $"global::PromptGen.CompilerServices.PromptInvokers.{(history.ChatMessages ? "WithChatHistory" : "WithHistory")}({parse}, {Literal(history.JsonName)}, {(history.IsRequired ? "true" : "false")})"
            : parse;
    }

    /// <summary>The builder's argument for <paramref name="parameter"/>, from what the parser read (named <c>arguments</c>).</summary>
    private static string ArgumentValue(PromptMethodModel method, ParameterModel parameter)
    {
        if (method.DescriptorHistory is not { } history)
        {
            return "arguments." + parameter.Identifier;
        }

        return history.Identifier == parameter.Identifier
            ? (history.IsArray ? "arguments.History.ToArray()" : "arguments.History")
            : "arguments.Arguments." + parameter.Identifier;
    }

    private static IReadOnlyList<MediaParameterModel> Media(PromptMethodModel method) =>
        method.Plan is { } plan ? plan.Media.ToList() : new List<MediaParameterModel>();

    private static string MediaName(MediaParameterModel media) => media.Identifier.TrimStart('@');

    /// <summary>The media argument's value, typed as the builder's parameter (the reader made the kind it names).</summary>
    private static string MediaValue(ParameterModel parameter, IReadOnlyList<MediaParameterModel> media)
    {
        int index = media.ToList().FindIndex(m => m.Identifier == parameter.Identifier);
        return media[index].AcceptsNull ? $"({parameter.Type})media[{index}]" : $"({parameter.Type})media[{index}]!";
    }

    private static string ParameterEntry(PropertyShape property, ParameterModel parameter) =>
        $"new({Literal(property.JsonName)}, {Literal(Display(parameter.Type))}, {(property.IsRequired ? "true" : "false")})";

    private static IEnumerable<string> InferenceMembers(InferenceModel inference)
    {
        if (inference.MaxTokens is { } maxTokens)
        {
            yield return "MaxTokens = " + maxTokens.ToString(CultureInfo.InvariantCulture);
        }

        if (inference.Temperature is { } temperature)
        {
            yield return "Temperature = " + temperature.ToString("R", CultureInfo.InvariantCulture) + "d";
        }

        if (inference.TopP is { } topP)
        {
            yield return "TopP = " + topP.ToString("R", CultureInfo.InvariantCulture) + "d";
        }

        if (!inference.StopSequences.IsEmpty)
        {
            yield return $"StopSequences = new[] {{ {string.Join(", ", inference.StopSequences.Select(Literal))} }}";
        }
    }

    /// <summary>The template's text from the field the method renders it from: a constant, or a parsed Scriban template.</summary>
    private static string TemplateText(string field, Templates.CompiledTemplate? compiled) => compiled is null ? field + ".Text" : field;

    private static string Display(string typeName) => typeName.Replace("global::", string.Empty);

    private static string Literal(string value) => SymbolDisplay.FormatLiteral(value, quote: true);
}
