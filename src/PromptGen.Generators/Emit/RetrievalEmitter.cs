using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis.CSharp;
using PromptGen.Generators.Models;

namespace PromptGen.Generators.Emit;

/// <summary>
/// The retrieval step of a method with <c>[Retrieve]</c>: a static <c>RetrievalSpec</c> field, one awaited
/// <c>PassageRetrieval.RetrieveAsync</c> into the local <c>passages</c> before the request is built, the passages as
/// one more input of the templates' render methods, and, with citations, the passages as documents in the user turn.
/// </summary>
internal static class RetrievalEmitter
{
    /// <summary>The local holding the passages, which is also the templates' name for them (no parameter may have it).</summary>
    public const string PassagesLocal = "passages";

    private static readonly ParameterModel PassagesInput = new(
        PassagesLocal,
        PassagesLocal,
        $"global::System.Collections.Generic.IReadOnlyList<{RuntimeTypes.RetrievedPassage}>",
        string.Empty,
        IsCancellationToken: false);

    /// <summary>What the templates read: the method's parameters, and the passages when it retrieves.</summary>
    public static IEnumerable<ParameterModel> TemplateInputs(PromptMethodModel method) =>
        method.Plan?.Retrieval is null ? method.Parameters : method.Parameters.Concat(new[] { PassagesInput });

    public static string SpecField(string memberName) => memberName + "Retrieval";

    public static void WriteSpecField(CodeWriter writer, PromptMethodModel method, string memberName)
    {
        if (method.Plan?.Retrieval is not { } retrieval)
        {
            return;
        }

        var members = new List<string>();
        if (retrieval.KnowledgeBaseId is { } knowledgeBaseId)
        {
            members.Add($"KnowledgeBaseId = {SymbolDisplay.FormatLiteral(knowledgeBaseId, quote: true)}");
        }

        members.Add($"QueryParameter = {SymbolDisplay.FormatLiteral(retrieval.QueryParameterName, quote: true)}");
        members.Add($"NumberOfResults = {retrieval.NumberOfResults.ToString(CultureInfo.InvariantCulture)}");
        if (retrieval.SearchType is { } searchType)
        {
            members.Add($"SearchType = {SymbolDisplay.FormatLiteral(searchType, quote: true)}");
        }

        if (retrieval.RerankModel is { } rerankModel)
        {
            members.Add($"RerankModel = {SymbolDisplay.FormatLiteral(rerankModel, quote: true)}");
        }

        if (retrieval.NumberOfRerankedResults is { } reranked)
        {
            members.Add($"NumberOfRerankedResults = {reranked.ToString(CultureInfo.InvariantCulture)}");
        }

        writer.WriteLine(retrieval.KnowledgeBaseId is null
            ? $"// {method.Name} retrieves with its '{retrieval.RetrieverParameter!.TrimStart('@')}' parameter before its call."
            : "// The knowledge base id is sent as written unless BedrockOptions.KnowledgeBaseIds maps it to another.");
        writer.WriteNewObject($"private static readonly {RuntimeTypes.RetrievalSpec} {SpecField(memberName)}", members.ToArray());
        writer.WriteLine();
    }

    /// <summary>The retrieval, awaited before the request is built: one Retrieve (or one call of the retriever).</summary>
    public static void WriteRetrieve(CodeWriter writer, PromptMethodModel method, string memberName, string bedrock, string cancellation)
    {
        if (method.Plan?.Retrieval is not { } retrieval)
        {
            return;
        }

        string source = retrieval.RetrieverParameter ?? bedrock;
        string filter = retrieval.FilterParameter ?? "null";
        writer.WriteLine(
            $"global::System.Collections.Generic.IReadOnlyList<{RuntimeTypes.RetrievedPassage}> {PassagesLocal} = await {RuntimeTypes.PassageRetrieval}.RetrieveAsync("
            + $"{source}, {SpecField(memberName)}, {Query(method, retrieval, memberName)}, {filter}, {cancellation}).ConfigureAwait(false);");
    }

    /// <summary>The query template's field: its source constant when compiled, else the Scriban template parsed once.</summary>
    public static string QueryTemplateField(string memberName) => memberName + "QueryTemplate";

    public static string QueryRenderMethod(string memberName) => "Render" + memberName + "Query";

    /// <summary>
    /// The query sent: the parameter's text, or the query template rendered from the parameters (never the passages,
    /// which the query retrieves), by its compiled method or, when it falls back, by Scriban.
    /// </summary>
    private static string Query(PromptMethodModel method, RetrievalModel retrieval, string memberName)
    {
        if (retrieval.QueryParameter is { } parameter)
        {
            return parameter;
        }

        if (retrieval.CompiledQueryTemplate is not null)
        {
            return CompiledTemplateEmitter.RenderCall(QueryRenderMethod(memberName), method.Parameters);
        }

        ParameterModel[] inputs = PromptClientEmitter.ScribanInputs(method.Parameters).ToArray();
        string arguments = string.Join(", ", inputs.Select(PromptClientEmitter.ScribanEntry));
        return $"{QueryTemplateField(memberName)}.Render(new {RuntimeTypes.PromptArguments}({inputs.Length.ToString(CultureInfo.InvariantCulture)}) {{ {arguments} }})";
    }

    /// <summary>The compiled query template's render method, over the method's parameters.</summary>
    public static void WriteQueryRenderMethod(CodeWriter writer, PromptMethodModel method, string memberName)
    {
        if (method.Plan?.Retrieval?.CompiledQueryTemplate is { } query)
        {
            CompiledTemplateEmitter.WriteRenderMethod(writer, QueryRenderMethod(memberName), QueryTemplateField(memberName), query, method.Parameters);
        }
    }

    /// <summary>A detailed result, with the passages attached when the method retrieved them.</summary>
    public static string WithPassages(PromptPlan plan, string result) =>
        plan.Retrieval is null ? result : $"{RuntimeTypes.PassageRetrieval}.WithPassages({result}, {PassagesLocal})";

    /// <summary>The user turn, with the passages put before it as citable documents when the method asks for citations.</summary>
    public static string UserTurn(PromptPlan plan, string userTurn) =>
        plan.Retrieval is { Citations: true }
            ? $"{RuntimeTypes.PassageRetrieval}.WithCitableDocuments({userTurn}, {PassagesLocal})"
            : userTurn;
}
