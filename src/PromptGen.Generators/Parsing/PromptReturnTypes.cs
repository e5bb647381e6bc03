using Microsoft.CodeAnalysis;
using PromptGen.Generators.Models;

namespace PromptGen.Generators.Parsing;

/// <summary>What a prompt method's return type asks for: how the answer reaches the caller, and the typed result.</summary>
/// <param name="ResultType">T of a typed result (Task&lt;T&gt;, PromptResult&lt;T&gt;, ResultStream&lt;T, …&gt;); null for text.</param>
/// <param name="PartialType">TPartial of ResultStream&lt;T, TPartial&gt;; an error type until this generator writes it.</param>
/// <param name="WithDetails">Task&lt;PromptResult&lt;T&gt;&gt;: the value with the call's attempts and usage.</param>
internal readonly record struct PromptReturnType(ReturnKind Kind, ITypeSymbol? ResultType, ITypeSymbol? PartialType, bool WithDetails)
{
    public bool IsStreaming => Kind is ReturnKind.TextStream or ReturnKind.PromptStream or ReturnKind.ResultStream;
}

/// <summary>Classifies a prompt method's return type, for the generator and the analyzers alike.</summary>
internal static class PromptReturnTypes
{
    public static PromptReturnType Classify(ITypeSymbol returnType, KnownTypeSymbols knownTypes)
    {
        if (InvokeReturnTypes.Classify(returnType, knownTypes) is { } invoke)
        {
            // An image or embedding method: no typed result to ask a chat model for.
            return new PromptReturnType(invoke.Kind == InvokeKind.Image ? ReturnKind.Image : ReturnKind.Embedding, null, null, WithDetails: false);
        }

        return StreamingReturnTypes.TryClassify(returnType, knownTypes, out ReturnKind kind, out ITypeSymbol? resultType, out ITypeSymbol? partialType)
            ? new PromptReturnType(kind, resultType, partialType, WithDetails: false)
            : ClassifyTask(returnType, knownTypes);
    }

    /// <summary>Task&lt;T&gt; or ValueTask&lt;T&gt;; T is the result type when it is not string (a typed result).</summary>
    private static PromptReturnType ClassifyTask(ITypeSymbol returnType, KnownTypeSymbols knownTypes)
    {
        bool isTask = KnownTypeSymbols.IsConstructionOf(returnType, knownTypes.Task);
        if (!isTask && !KnownTypeSymbols.IsConstructionOf(returnType, knownTypes.ValueTask))
        {
            return new PromptReturnType(ReturnKind.Unsupported, null, null, WithDetails: false);
        }

        ReturnKind text = isTask ? ReturnKind.TaskOfString : ReturnKind.ValueTaskOfString;
        ReturnKind typed = isTask ? ReturnKind.TaskOfResult : ReturnKind.ValueTaskOfResult;
        ITypeSymbol result = ((INamedTypeSymbol)returnType).TypeArguments[0];
        if (KnownTypeSymbols.IsConstructionOf(result, knownTypes.PromptResult))
        {
            // PromptResult<string>: the text with the call's details; else a typed result's.
            ITypeSymbol value = ((INamedTypeSymbol)result).TypeArguments[0];
            return value.SpecialType == SpecialType.System_String
                ? new PromptReturnType(text, null, null, WithDetails: true)
                : new PromptReturnType(typed, value, null, WithDetails: true);
        }

        return result.SpecialType == SpecialType.System_String && result.NullableAnnotation != NullableAnnotation.Annotated
            ? new PromptReturnType(text, null, null, WithDetails: false)
            : new PromptReturnType(typed, result, null, WithDetails: false);
    }
}
