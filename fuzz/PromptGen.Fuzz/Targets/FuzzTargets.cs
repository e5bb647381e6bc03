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

    public static IEnumerable<IFuzzTarget> Named(string which)
    {
        ModelTextGenerator generator = Generator();
        return which switch
        {
            "model-json" => [new ModelJsonTarget(generator)],
            "repair-loop" => [new RepairLoopTarget(generator)],
            "event-stream" => [new EventStreamTarget(generator)],
            "result-reader" => [new ResultReaderTarget(generator)],
            "invoke-stream" => [new InvokeStreamTarget(generator)],
            "invoke-bodies" => [new InvokeBodiesTarget(generator)],
            "image-header" => [new ImageHeaderTarget()],
            "knowledge-bases" => [new KnowledgeBaseTarget(generator)],
            "kb-stream" => [new KnowledgeBaseStreamTarget(generator)],
            "catalog-file" => [new CatalogFileTarget(generator)],
            "batch-output" => [new BatchOutputTarget(generator)],
            "descriptor-arguments" => [new DescriptorArgumentsTarget(generator)],
            "mcp-prompt-arguments" => [new McpPromptArgumentsTarget(generator)],
            "model-id" => [new ModelIdTarget()],
            "all" =>
            [
                new ModelJsonTarget(generator), new ResultReaderTarget(generator), new RepairLoopTarget(generator),
                new EventStreamTarget(generator), new InvokeStreamTarget(generator), new InvokeBodiesTarget(generator),
                new ImageHeaderTarget(),
                new KnowledgeBaseTarget(generator),
                new KnowledgeBaseStreamTarget(generator),
                new CatalogFileTarget(generator),
                new BatchOutputTarget(generator),
                new DescriptorArgumentsTarget(generator),
                new McpPromptArgumentsTarget(generator),
                new ModelIdTarget(),
            ],
            _ => throw new ArgumentException(
                $"Unknown fuzz target '{which}': model-json, result-reader, repair-loop, event-stream, invoke-stream, invoke-bodies, image-header, knowledge-bases, kb-stream, catalog-file, batch-output, descriptor-arguments, mcp-prompt-arguments, model-id or all."),
        };
    }
}
