using System;
using System.IO;

namespace PromptGen.Testing.Tests.Catalog;

/// <summary>The repository's root, found by walking up from the test binaries ([CallerFilePath] is mapped in CI).</summary>
internal static class Repository
{
    public static string Root
    {
        get
        {
            for (DirectoryInfo? directory = new(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "PromptGen.sln")))
                {
                    return directory.FullName;
                }
            }

            throw new InvalidOperationException($"No PromptGen.sln above {AppContext.BaseDirectory}.");
        }
    }
}
