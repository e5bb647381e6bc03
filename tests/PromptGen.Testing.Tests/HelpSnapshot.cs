using System;
using System.IO;
using System.Linq;
using Xunit;

namespace PromptGen.Testing.Tests;

/// <summary>
/// Approved copies of command-line output in tests/PromptGen.Testing.Tests/Snapshots. Trailing spaces (the help
/// wraps lines with one) and line endings are normalised. A difference or a missing approved file fails and writes
/// <c>NAME.received.txt</c>; <c>PROMPTGEN_ACCEPT_SNAPSHOTS=1</c> accepts it instead, as for the generator's snapshots.
/// </summary>
internal static class HelpSnapshot
{
    public static void Match(string name, string actual)
    {
        // Found from the test binaries, not [CallerFilePath]: deterministic CI builds map source paths to "/_/".
        string folder = Path.Combine(RepositoryRoot(), "tests", "PromptGen.Testing.Tests", "Snapshots");
        string approvedPath = Path.Combine(folder, name);
        string received = Normalize(actual);
        string receivedPath = Path.ChangeExtension(approvedPath, ".received.txt");
        if (Environment.GetEnvironmentVariable("PROMPTGEN_ACCEPT_SNAPSHOTS") == "1")
        {
            Directory.CreateDirectory(folder);
            File.WriteAllText(approvedPath, received);
            File.Delete(receivedPath);
            return;
        }

        string? approved = File.Exists(approvedPath) ? Normalize(File.ReadAllText(approvedPath)) : null;
        if (approved != received)
        {
            File.WriteAllText(receivedPath, received);
        }

        Assert.True(approved is not null, $"No approved snapshot {approvedPath}; review {receivedPath} and accept it with PROMPTGEN_ACCEPT_SNAPSHOTS=1.");
        Assert.Equal(approved, received);
        File.Delete(receivedPath);
    }

    private static string RepositoryRoot()
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

    private static string Normalize(string text) =>
        string.Join("\n", text.ReplaceLineEndings("\n").Split('\n').Select(line => line.TrimEnd())).TrimEnd() + "\n";
}
