using System;
using System.IO;

namespace PromptGen.Generators.Tests;

/// <summary>
/// Finds the repository from the test binaries. [CallerFilePath] cannot be used: CI builds are deterministic and
/// map source paths to "/_/".
/// </summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string TestProject => Path.Combine(Root, "tests", "PromptGen.Generators.Tests");

    private static string FindRoot()
    {
        for (DirectoryInfo? directory = new(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "PromptGen.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"PromptGen.sln was not found above {AppContext.BaseDirectory}");
    }
}
