using System;
using System.Collections.Generic;
using System.IO;
using PromptGen.Reliability.Engine;

namespace PromptGen.Reliability.Targets;

public static class FuzzTargets
{
    /// <summary>Seeds: the parsing corpus, copied next to the harness at build time.</summary>
    public static ModelTextGenerator Generator() =>
        new(ModelTextGenerator.CorpusSeeds(Path.Combine(AppContext.BaseDirectory, "Seeds")));

    /// <summary>Every target, by the name the command line and reports use, in the order <c>all</c> runs them.</summary>
    private static readonly (string Name, Func<ModelTextGenerator, IFuzzTarget> Create)[] Table =
    [
        ("model-json", generator => new ModelJsonTarget(generator)),
        ("result-reader", generator => new ResultReaderTarget(generator)),
        ("repair-loop", generator => new RepairLoopTarget(generator)),
        ("event-stream", generator => new EventStreamTarget(generator)),
        ("invoke-stream", generator => new InvokeStreamTarget(generator)),
        ("invoke-bodies", generator => new InvokeBodiesTarget(generator)),
        ("image-header", _ => new ImageHeaderTarget()),
        ("knowledge-bases", generator => new KnowledgeBaseTarget(generator)),
        ("kb-stream", generator => new KnowledgeBaseStreamTarget(generator)),
        ("catalog-file", generator => new CatalogFileTarget(generator)),
        ("batch-output", generator => new BatchOutputTarget(generator)),
        ("descriptor-arguments", generator => new DescriptorArgumentsTarget(generator)),
        ("mcp-prompt-arguments", generator => new McpPromptArgumentsTarget(generator)),
        ("model-id", _ => new ModelIdTarget()),
    ];

    /// <summary>The names of every target, in the order <c>all</c> runs them.</summary>
    public static IReadOnlyList<string> Names { get; } = Array.ConvertAll(Table, target => target.Name);

    /// <summary>The target called <paramref name="which"/>, or every target for <c>all</c>.</summary>
    /// <exception cref="ArgumentException"><paramref name="which"/> names no target.</exception>
    public static IEnumerable<IFuzzTarget> Named(string which)
    {
        if (which == "all")
        {
            ModelTextGenerator generator = Generator();
            return Array.ConvertAll(Table, target => target.Create(generator));
        }

        foreach ((string name, Func<ModelTextGenerator, IFuzzTarget> create) in Table)
        {
            if (name == which)
            {
                return [create(Generator())];
            }
        }

        throw new ArgumentException($"Unknown fuzz target '{which}': {string.Join(", ", Names)} or all.");
    }
}
