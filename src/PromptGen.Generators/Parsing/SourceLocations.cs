using System.Linq;
using Microsoft.CodeAnalysis;

namespace PromptGen.Generators.Parsing;

internal static class SourceLocations
{
    /// <summary>Where <paramref name="symbol"/> is declared in source; <paramref name="fallback"/> for metadata symbols.</summary>
    public static Location Of(ISymbol symbol, Location fallback) =>
        symbol.Locations.FirstOrDefault(location => location.IsInSource) ?? fallback;
}
