using System;
using System.IO;

namespace PromptGen.Package.Tests;

/// <summary>Finds the repository from the test binaries ([CallerFilePath] is mapped to /_/ in CI builds).</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

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
