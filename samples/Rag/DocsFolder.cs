using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace Rag;

/// <summary>This repository's docs/ folder, found from the program's own location (works from any working directory).</summary>
public static class DocsFolder
{
    public static string Find()
    {
        for (DirectoryInfo? directory = new(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "PromptGen.sln")) && Directory.Exists(Path.Combine(directory.FullName, "docs")))
            {
                return Path.Combine(directory.FullName, "docs");
            }
        }

        throw new DirectoryNotFoundException($"No docs/ folder next to PromptGen.sln above {AppContext.BaseDirectory}.");
    }

    /// <summary>The paragraphs of the top-level Markdown pages, with their file names, for the vector store.</summary>
    public static IEnumerable<(string File, string Text)> Paragraphs(string docs) =>
        Directory.EnumerateFiles(docs, "*.md")
            .Order(StringComparer.Ordinal)
            .SelectMany(file => File.ReadAllText(file)
                .ReplaceLineEndings("\n")
                .Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Where(paragraph => paragraph.Length >= 80)
                .Select(paragraph => ("docs/" + Path.GetFileName(file), paragraph)));
}
