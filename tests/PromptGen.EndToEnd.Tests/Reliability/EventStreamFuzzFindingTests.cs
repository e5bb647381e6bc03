using System.Text.Json;
using PromptGen.Reliability.Targets;
using Xunit;

namespace PromptGen.EndToEnd.Tests.Reliability;

/// <summary>
/// Inputs the event-stream fuzz target found, replayed through the same path (the client's ConverseStream decoding,
/// chunked delivery) exactly as the harness saved them.
/// </summary>
public sealed class EventStreamFuzzFindingTests
{
    [Fact]
    public void Exception_frame_whose_message_is_not_valid_utf8_is_the_typed_throttling_error()
    {
        // A messageStart, then a throttlingException frame with one bit flipped in its JSON message ("re\xF1uests":
        // 0xF1 starts a 4-byte UTF-8 sequence that 'u' breaks) and both checksums recomputed. JsonDocument accepted
        // the payload and GetString then threw InvalidOperationException out of ConverseStreamAsync.
        string input = JsonSerializer.Deserialize<string>(
            """
            "\uB494\u0000\u0000\u0000v\u0000\u0000\u0000R\u0096\u00D5\u00FA\u00DE\u000B:event-type\u0007\u0000\fmessageStart\r:content-type\u0007\u0000\u0010application/json\r:message-type\u0007\u0000\u0005event{\u0022role\u0022:\u0022assistant\u0022}o\u00A8\u00C5\u0099\u0000\u0000\u0000\u009D\u0000\u0000\u0000av\u0001m\u0006\u000F:exception-type\u0007\u0000\u0013throttlingException\r:content-type\u0007\u0000\u0010applicatioo/json\r:message-type\u0007\u0000\texception{\u0022message\u0022:\u0022Too many re\u00F1uests, please wait\u0022}\u00D2\u0089\u003C\u00F4"
            """)!;
        var target = new EventStreamTarget(FuzzTargets.Generator());

        var error = Assert.Throws<BedrockThrottlingException>(() => target.Run(input));

        Assert.Contains("Too many re\uFFFDuests, please wait", error.Message, System.StringComparison.Ordinal);
    }
}
