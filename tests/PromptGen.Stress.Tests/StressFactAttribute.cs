using System;
using System.Runtime.CompilerServices;
using Xunit;

namespace PromptGen.Stress.Tests;

/// <summary>
/// A test that runs only when <c>PROMPTGEN_STRESS=1</c>: it takes minutes of both cores, so it is not part of every
/// <c>dotnet test</c> (CI lists it as skipped). Run it with
/// <c>PROMPTGEN_STRESS=1 dotnet test --project tests/PromptGen.Stress.Tests</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class StressFactAttribute : FactAttribute
{
    public const string Variable = "PROMPTGEN_STRESS";

    public StressFactAttribute([CallerFilePath] string? sourceFilePath = null, [CallerLineNumber] int sourceLineNumber = -1)
        : base(sourceFilePath, sourceLineNumber)
    {
        if (Environment.GetEnvironmentVariable(Variable) != "1")
        {
            Skip = $"A stress run of minutes under CPU load; set {Variable}=1 to run it.";
        }
    }
}
