using System.Collections.Generic;
using System.Threading;

namespace PromptGen.Telemetry;

/// <summary>
/// Which models a call is a fallback from, so the call's span can say it (<see cref="Attribute"/>): the span of the
/// model that answered carries the models given up before it, and its <c>gen_ai.request.model</c> names the model
/// that answered. Set by the fallback loops around the call they make; async methods restore it when they return.
/// </summary>
internal static class FallbackTelemetry
{
    /// <summary>The span attribute: the models given up before this call's, comma-separated, in the order tried.</summary>
    public const string Attribute = "promptgen.fallback.from";

    private static readonly AsyncLocal<string?> CurrentFrom = new();

    /// <summary>The models the call about to start falls back from, or null when it is the first model's.</summary>
    public static string? FallenBackFrom => CurrentFrom.Value;

    /// <summary>Marks the calls made from here on (in this async flow) as fallbacks from <paramref name="failures"/>.</summary>
    public static void Set(IReadOnlyList<ModelFailure> failures)
    {
        if (failures.Count == 0)
        {
            CurrentFrom.Value = null;
            return;
        }

        var ids = new string[failures.Count];
        for (int i = 0; i < ids.Length; i++)
        {
            ids[i] = failures[i].ModelId;
        }

        CurrentFrom.Value = string.Join(",", ids);
    }
}
