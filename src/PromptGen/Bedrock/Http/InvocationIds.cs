using System;

namespace PromptGen.Bedrock.Http;

/// <summary>
/// The <c>amz-sdk-invocation-id</c> of a call: a version-4 UUID that only has to be unique, not unpredictable.
/// <see cref="Guid.NewGuid"/> asks the operating system for cryptographic randomness, which measured as about 4 % of a
/// whole call's time on Linux (bench/README.md); the shared pseudo-random generator gives the same format for less.
/// </summary>
internal static class InvocationIds
{
    public static string Next()
    {
        Span<byte> bytes = stackalloc byte[16];
        Random.Shared.NextBytes(bytes);

        // RFC 9562 §5.4: version 4 in the high nibble of octet 6, variant 10 in the top bits of octet 8. Guid's byte
        // constructor reads the first three fields little-endian, so octet 6 of the text is bytes[7].
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes).ToString();
    }
}
