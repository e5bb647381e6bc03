using System;
using System.IO;
using System.Text.RegularExpressions;
using Xunit.Sdk;

namespace PromptGen.Generators.Tests;

/// <summary>
/// Approved-file snapshots (Verify is not available here). The approved text lives in
/// <c>Snapshots/&lt;name&gt;.verified.cs</c>; any difference fails and writes <c>&lt;name&gt;.received.cs</c>
/// beside it. To accept a change, review the diff and copy the received file over the verified one, or run the
/// tests once with PROMPTGEN_ACCEPT_SNAPSHOTS=1 (never set in CI).
/// </summary>
internal static class SnapshotAssert
{
    public static void Matches(string name, string actual)
    {
        string folder = Path.Combine(RepositoryPaths.TestProject, "Snapshots");
        string verifiedPath = Path.Combine(folder, name + ".verified.cs");
        string receivedPath = Path.Combine(folder, name + ".received.cs");
        string normalized = Scrub(actual);

        bool accept = Environment.GetEnvironmentVariable("PROMPTGEN_ACCEPT_SNAPSHOTS") == "1"
            && Environment.GetEnvironmentVariable("CI") != "true";
        if (accept)
        {
            Directory.CreateDirectory(folder);
            File.WriteAllText(verifiedPath, normalized);
            File.Delete(receivedPath);
            return;
        }

        string? verified = File.Exists(verifiedPath) ? File.ReadAllText(verifiedPath).ReplaceLineEndings("\n") : null;
        if (verified == normalized)
        {
            File.Delete(receivedPath);
            return;
        }

        Directory.CreateDirectory(folder);
        File.WriteAllText(receivedPath, normalized);
        string reason = verified is null ? "has no approved snapshot yet" : "differs from its approved snapshot";
        throw new XunitException(
            $"Snapshot '{name}' {reason}.\n" +
            $"  received: {receivedPath}\n  verified: {verifiedPath}\n" +
            $"Review with: diff -u \"{verifiedPath}\" \"{receivedPath}\"\n" +
            $"Accept with: mv \"{receivedPath}\" \"{verifiedPath}\"  (or run the tests with PROMPTGEN_ACCEPT_SNAPSHOTS=1)");
    }

    // The generator's version changes with every release; it is not part of what a snapshot approves.
    private static string Scrub(string text) =>
        Regex.Replace(text.ReplaceLineEndings("\n"), "GeneratedCode\\(\"PromptGen.Generators\", \"[^\"]*\"\\)", "GeneratedCode(\"PromptGen.Generators\", \"{version}\")");
}
