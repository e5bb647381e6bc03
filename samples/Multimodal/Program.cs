using System;
using System.IO;
using System.Reflection;
using Multimodal;
using PromptGen;
using PromptGen.Testing;

// Runs offline: the local Bedrock emulator checks every image and document block as Bedrock would (formats, base64,
// sizes, names) and its default replies say what they received. One call is scripted; the others are meant to get
// the default reply, which a scripted emulator only gives when asked to (it fails unscripted calls by default).
await using BedrockEmulator emulator = await BedrockEmulator.StartAsync(new BedrockEmulatorOptions { UnmatchedCalls = UnmatchedCallPolicy.DefaultReply });
emulator.Script.When(promptContains: "Does the photo show")
    .ReplyJson("""{"matches":false,"differences":["The photo shows no lid; the listing promises a leak-proof lid."]}""");

using var bedrock = new BedrockRuntimeClient(new BedrockOptions
{
    Region = "us-east-1",
    Endpoint = emulator.Endpoint,
    Credentials = BedrockCredentials.FromAccessKey(EmulatorCredentials.AccessKeyId, EmulatorCredentials.SecretAccessKey),
});
IProductPrompts prompts = IProductPrompts.Create(bedrock);

// The format is read from the PNG signature; the name from the file name would be sanitised the same way.
PromptImage photo = await PromptImage.FromStreamAsync(Asset("mug.png"));
PromptDocument listing = await PromptDocument.FromStreamAsync(Asset("listing.md"), DocumentFormat.Md, "Contoso mug listing");

Show("DescribeAsync", await prompts.DescribeAsync(photo, "a busy commuter"), emulator.Requests[^1]);
ListingCheck check = await prompts.CheckListingAsync(photo, listing);
Show("CheckListingAsync", $"matches: {check.Matches}; {string.Join(" ", check.Differences)}", emulator.Requests[^1]);
// The stream is read to its end before the call and left open: whoever opened it disposes it.
await using (Stream listingStream = Asset("listing.md"))
{
    Show("AdvertAsync", await prompts.AdvertAsync(listingStream), emulator.Requests[^1]);
}

// Bad media never leave the process: the error says what Bedrock would have refused.
try
{
    PromptDocument.FromText("x", "listing.md");
}
catch (PromptMediaException exception)
{
    Console.WriteLine($"== refused before sending: {exception.Message}");
}

return 0;

static Stream Asset(string name) =>
    Assembly.GetExecutingAssembly().GetManifestResourceStream("Multimodal." + name) ?? throw new InvalidOperationException($"Asset {name} is not embedded.");

static void Show(string method, string result, RecordedRequest request)
{
    Console.WriteLine($"== IProductPrompts.{method}");
    Console.WriteLine($"   result:  {result}");
    Console.WriteLine($"   model:   {request.ModelId}");
    Console.WriteLine($"   sent:    {string.Join(" | ", request.UserContent)}");
    Console.WriteLine();
}
