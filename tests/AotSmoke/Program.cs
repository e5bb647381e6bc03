using System;
using System.Collections.Generic;
using System.Linq;
using AotSmoke;
using PromptGen;
using PromptGen.Bedrock;
using PromptGen.Descriptors;

// Configured only from the environment (AWS_ENDPOINT_URL_BEDROCK_RUNTIME, AWS_REGION, AWS_ACCESS_KEY_ID,
// AWS_SECRET_ACCESS_KEY): the default resolution chain, as a published app would use it.
// Exit codes: 0 = every value is what smoke-script.json scripts, 1 = a value differs, 2 = a call threw.
var ticket = new Ticket(
    "Charged twice",
    "Order 1042 was billed twice.",
    new[] { "billing", "refund" },
    new Customer("Ada", new Address("Leeds")),
    new[] { new Line("MUG", 2), new Line("TEE", 1) });
int failures = 0;

try
{
    using var bedrock = new BedrockRuntimeClient();
    ISmokePrompts prompts = ISmokePrompts.Create(bedrock);

    string summary = await prompts.SummarizeAsync(ticket);
    Console.WriteLine($"SummarizeAsync: {summary}");
    // The scripted rule matches only if Scriban rendered the record's members, the loop and the pipe.
    Check("SummarizeAsync", summary, "Refund one of the two charges.");

    Triage triage = await prompts.TriageAsync(ticket);
    Console.WriteLine($"TriageAsync: team={triage.Team} priority={triage.Priority} steps=[{string.Join("; ", triage.Steps)}] assignee={triage.Assignee ?? "<null>"}");
    Check("TriageAsync.Team", triage.Team, "Billing");
    Check("TriageAsync.Priority", triage.Priority.ToString(), nameof(Priority.High));
    Check("TriageAsync.Steps", string.Join("|", triage.Steps), "Refund|Email the customer");
    Check("TriageAsync.Assignee", triage.Assignee ?? "<null>", "<null>");

    // The second rule matches only if the tool's input was parsed and its record result written as scripted.
    string price = await prompts.PriceAsync("MUG", new PriceTools());
    Console.WriteLine($"PriceAsync: {price}");
    Check("PriceAsync", price, "Two mugs cost 9.50 EUR.");

    // Descriptors (the playground's entry point): the same calls with their arguments as JSON, read by generated
    // parsers, and the typed result written back as JSON by generated writers.
    const string ticketJson = """
        {"ticket":{"title":"Charged twice","body":"Order 1042 was billed twice.","tags":["billing","refund"],
         "customer":{"name":"Ada","address":{"city":"Leeds"}},"lines":[{"sku":"MUG","quantity":2},{"sku":"TEE","quantity":1}]}}
        """;
    PromptDescriptor triageDescriptor = ISmokePrompts.Descriptors.Single(descriptor => descriptor.MethodName == "TriageAsync");
    PromptRunResult described = await triageDescriptor.RunAsync(bedrock, ticketJson);
    Console.WriteLine($"Descriptor TriageAsync: {described.ResultJson} ({described.Attempts.Count} attempt, {described.Usage.TotalTokens} tokens)");
    Check("Descriptor TriageAsync", described.ResultJson, """{"team":"Billing","priority":"High","steps":["Refund","Email the customer"],"assignee":null}""");
    PromptDescriptor summarizeDescriptor = ISmokePrompts.Descriptors.Single(descriptor => descriptor.MethodName == "SummarizeAsync");
    PromptPreview preview = summarizeDescriptor.Render(ticketJson);
    Check("Descriptor SummarizeAsync preview", preview.UserPrompt, "Summarize: Charged twice / Order 1042 was billed twice. / tags: [billing][refund] / billing,refund / Ada in Leeds / MUGx2 TEEx1 ");
    PromptRunResult summarized = await summarizeDescriptor.RunAsync(bedrock, ticketJson);
    Check("Descriptor SummarizeAsync", summarized.ResultJson, "\"Refund one of the two charges.\"");
    PromptPartialStream partials = ISmokePrompts.Descriptors.Single(descriptor => descriptor.MethodName == "StreamTriageAsync")
        .StreamPartials(bedrock, """{"history":[{"role":"user","text":"My order"},{"role":"assistant","text":"Which one?"}],"question":"Order 1042"}""")!;
    var partialValues = new List<string>();
    await foreach (PromptPartial partial in partials)
    {
        partialValues.Add(partial.Json);
    }

    Check("Descriptor StreamTriageAsync first partial", partialValues.Count > 1 ? partialValues[0] : "fewer than two partial values",
        """{"team":"Billing","priority":null,"steps":null,"assignee":null}""");
    Check("Descriptor StreamTriageAsync", partials.ToRunResult().ResultJson, """{"team":"Billing","priority":"High","steps":["Refund"],"assignee":null}""");
    Console.WriteLine($"Descriptor StreamTriageAsync: {partialValues.Count} partial values, then {partials.ToRunResult().ResultJson}");

    // InvokeModel: the typed bodies and the stream decoder, which must need no reflection either.
    InvokeModelResponse embedded = await bedrock.InvokeModelAsync(
        "amazon.titan-embed-text-v2:0", new TitanTextEmbeddingRequest { InputText = "hello", Dimensions = 256 }.ToJson());
    Check("InvokeModel embedding", TitanTextEmbeddingResponse.Parse(embedded.Body).Embedding.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), "256");
    InvokeModelResponse drawn = await bedrock.InvokeModelAsync(
        "stability.sd3-5-large-v1:0", new StabilityImageRequest { Prompt = "a mug", AspectRatio = "16:9", OutputFormat = "jpeg" }.ToJson());
    ReadOnlyMemory<byte> image = StabilityImageResponse.Parse(drawn.Body).Images[0];
    Check("InvokeModel image", $"{image.Span[0]:X2}{image.Span[1]:X2}", "FFD8");
    int chunks = 0;
    await foreach (InvokeModelStreamChunk chunk in bedrock.InvokeModelWithResponseStreamAsync(
        "meta.llama3-1-70b-instruct-v1:0", System.Text.Encoding.UTF8.GetBytes("""{"prompt":"Say hello"}""")))
    {
        chunks += chunk.Bytes.Length > 0 ? 1 : 0;
    }

    Console.WriteLine($"InvokeModel: embedding, image ({image.Length:N0} bytes), {chunks} stream chunks");

    // The same through generated image and embedding methods.
    ISmokeMedia media = ISmokeMedia.Create(bedrock);
    GeneratedImage drawnByMethod = await media.DrawAsync("table");
    Check("ISmokeMedia.DrawAsync", $"{drawnByMethod.MediaType} {drawnByMethod.Data.Span[0]:X2}{drawnByMethod.Data.Span[1]:X2} seed {drawnByMethod.Seed}", "image/jpeg FFD8 seed 5");
    var vectors = await media.EmbedAsync(new[] { "one", "two", "three" });
    Check("ISmokeMedia.EmbedAsync", string.Join(",", vectors.Select(vector => vector.Vector.Length)), "1024,1024,1024");
    Console.WriteLine($"Generated methods: image ({drawnByMethod.Data.Length:N0} bytes), {vectors.Count} embeddings");
    Check("InvokeModelWithResponseStream", chunks > 1 ? "chunks" : chunks.ToString(System.Globalization.CultureInfo.InvariantCulture), "chunks");

    var store = new FixedStore(
        new PromptGen.Retrieval.RetrievedPassage("Mugs hold 350 ml.", 1, 2.0, "mem://mugs"),
        new PromptGen.Retrieval.RetrievedPassage("Tees come in five sizes.", 2, 1.0, "mem://tees"));
    ISmokeRag rag = ISmokeRag.Create(bedrock);
    PromptResult<string> answer = await rag.AnswerAsync("How big is a mug?", store);
    Check("ISmokeRag.AnswerAsync", $"{answer.Value} ({string.Join(",", answer.Passages.Select(passage => passage.Location))})", "350 ml. (mem://mugs,mem://tees)");
    PromptStream streamed = rag.StreamAnswerAsync("How big is a mug?", store);
    string streamedText = await streamed.ReadToEndAsync();
    Check("ISmokeRag.StreamAnswerAsync", $"{streamedText} ({streamed.Passages.Count} passage)", "A mug holds 350 ml. (1 passage)");
    Console.WriteLine($"Retrieval: {answer.Value} / streamed: {streamedText}");
}
catch (Exception exception)
{
    Console.Error.WriteLine($"AOT smoke: call failed: {exception}");
    return 2;
}

Console.WriteLine(failures == 0 ? "AOT smoke: all values as scripted" : $"AOT smoke: {failures} value(s) differ");
return failures == 0 ? 0 : 1;

void Check(string what, string actual, string expected)
{
    if (!string.Equals(actual, expected, StringComparison.Ordinal))
    {
        Console.Error.WriteLine($"AOT smoke: {what} is '{actual}', expected '{expected}'");
        failures++;
    }
}
