using System;
using System.Buffers.Binary;
using System.IO;
using Images;
using PromptGen;
using PromptGen.Testing;

// Runs offline against the local Bedrock emulator, which draws real, deterministic PNGs of the size each model would
// make. Point the client at Bedrock (drop Endpoint and Credentials) to get real images.
string folder = args.Length > 0 ? args[0] : Path.Combine(Directory.GetCurrentDirectory(), "generated-images");
Directory.CreateDirectory(folder);

await using BedrockEmulator emulator = await BedrockEmulator.StartAsync();
using var bedrock = new BedrockRuntimeClient(new BedrockOptions
{
    Region = "us-east-1",
    Endpoint = emulator.Endpoint,
    Credentials = BedrockCredentials.FromAccessKey(EmulatorCredentials.AccessKeyId, EmulatorCredentials.SecretAccessKey),
});
IArtPrompts art = IArtPrompts.Create(bedrock);

GeneratedImage poster = await art.PosterAsync("Lisbon", "golden");
Save("poster", poster);

// The poster, restyled: the answer keeps the source image's size.
Save("restyled", await art.RestyleAsync(PromptImage.FromBytes(poster.Data), "night"));
Save("product", await art.ProductShotAsync("a blue ceramic mug"));
foreach (GeneratedImage cover in await art.CoversAsync("The Quiet Harbour"))
{
    Save("cover", cover);
}

// The content filter's verdict is an exception that says which filter stopped the image.
emulator.Script.When(promptContains: "forbidden").ReplyContentFiltered(ContentFilterStage.Output);
try
{
    await art.PosterAsync("a forbidden city", "grey");
}
catch (BedrockContentFilteredException exception)
{
    Console.WriteLine($"filtered: {string.Join(", ", exception.Reasons)}");
}

return 0;

void Save(string name, GeneratedImage image)
{
    (int width, int height) = PngSize(image.Data.Span);
    string path = Path.Combine(folder, $"{name}-{image.Seed}.png");
    File.WriteAllBytes(path, image.Data.ToArray());
    Console.WriteLine($"wrote {Path.GetFileName(path)}: {image.MediaType}, {width}x{height}, {image.Data.Length:N0} bytes, from {image.ModelId}");
}

// A PNG's IHDR chunk holds its width and height, big-endian, right after the 8-byte signature and the chunk header.
static (int Width, int Height) PngSize(ReadOnlySpan<byte> png) =>
    (BinaryPrimitives.ReadInt32BigEndian(png[16..]), BinaryPrimitives.ReadInt32BigEndian(png[20..]));
