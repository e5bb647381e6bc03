using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Emit;

namespace PromptGen.Generators.Tests.TemplateEquivalence;

/// <summary>
/// User code plus the generated clients, emitted and loaded into a collectible context. PromptGen itself resolves to
/// the test's own copy, so the loaded clients accept this assembly's fakes.
/// </summary>
internal static class CompiledAssembly
{
    public static Assembly Load(GeneratorRun run)
    {
        using var image = new MemoryStream();
        EmitResult result = run.Output.Emit(image);
        if (!result.Success)
        {
            string errors = string.Join("\n", result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error));
            throw new InvalidOperationException("The generated code does not compile:\n" + errors);
        }

        image.Position = 0;
        var context = new AssemblyLoadContext("TemplateEquivalence", isCollectible: true);
        return context.LoadFromStream(image);
    }
}
