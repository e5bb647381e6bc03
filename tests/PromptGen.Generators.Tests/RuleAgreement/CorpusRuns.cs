using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis.Text;

namespace PromptGen.Generators.Tests.RuleAgreement;

/// <summary>One entry of a corpus after the generator ran: both sides' decisions and the files it wrote.</summary>
internal sealed record CorpusRun(CorpusEntry Entry, CorpusDecisions Decisions, IReadOnlyList<GeneratedFile> Generated);

/// <summary>A file the generator wrote.</summary>
internal sealed record GeneratedFile(string HintName, SourceText Text);

/// <summary>
/// Each part of the agreement corpus run once per test process: the agreement tests read the decisions and the
/// readability tests the generated files of the same runs, instead of each running the generator over thousands of
/// compilations again.
/// </summary>
internal static class CorpusRuns
{
    private static readonly Lazy<IReadOnlyList<CorpusRun>> TestSources = new(() => CorpusDecisions.Of(AgreementCorpus.TestSourceStrings()).ToList());
    private static readonly Lazy<IReadOnlyList<CorpusRun>> RepositoryFiles = new(() => CorpusDecisions.Of(AgreementCorpus.RepositoryPromptFiles()).ToList());
    private static readonly Lazy<IReadOnlyList<CorpusRun>> Generated = new(() => CorpusDecisions.Of(AgreementCorpus.GeneratedSources()).ToList());

    /// <summary>The C# sources the test projects give the generator as string literals.</summary>
    public static IReadOnlyList<CorpusRun> TestSourceStrings => TestSources.Value;

    /// <summary>The repository's files that declare prompt interfaces, one compilation per project.</summary>
    public static IReadOnlyList<CorpusRun> RepositoryPromptFiles => RepositoryFiles.Value;

    /// <summary>The generated corpora.</summary>
    public static IReadOnlyList<CorpusRun> GeneratedSources => Generated.Value;
}
