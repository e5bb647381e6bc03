using System.Text.Json;
using PromptGen.Reliability.Targets;
using Xunit;

namespace PromptGen.EndToEnd.Tests.Reliability;

/// <summary>
/// Inputs the invoke-stream fuzz target found, replayed through the same path (the client's InvokeModelWithResponseStream
/// decoding, chunked delivery) exactly as the harness saved them.
/// </summary>
public sealed class InvokeStreamFuzzFindingTests
{
    [Fact]
    public void Chunk_payload_whose_member_name_escapes_a_lone_surrogate_is_an_invalid_event()
    {
        // A chunk event, checksums valid, whose payload is {"\uD800a": 1}…: Utf8JsonReader accepts the name and
        // ValueTextEquals threw InvalidOperationException out of InvokeModelWithResponseStreamAsync.
        string input = JsonSerializer.Deserialize<string>(
            """
            "\uAD25\u0000\u0000\u0000r\u0000\u0000\u0000K\u0007\u003E\u00F4\u00DE\u000B:event-type\u0007\u0000\u0005chunk\r:content-type\u0007\u0000\u0010application/json\r:message-type\u0007\u0000\u0005event{\u0022\\uD800a\u0022: 1} and */al\u00E0\u0006\u0087)\u0000\u0000\u0000\u00A5\u0000\u0000\u0000a\u00E7P\u009EA\u000F:exception-type\u0007\u0000\u0013throttlingException\r:content-pype\u0007\u0000\u0010application/json\r:message-type\u0007\u0000\texcextiof{\u0022message\u0022:\u0022Stream failed\u0022,\u0022osiginalStatusCmde\u0022:\u001424}J\u00B4\u00A4\u00E1"
            """)!;

        BedrockEventStreamException error = Assert.Throws<BedrockEventStreamException>(() => new InvokeStreamTarget(FuzzTargets.Generator()).Run(input));

        Assert.Equal(EventStreamErrorKind.InvalidEvent, error.Kind);
    }

    [Fact]
    public void Chunk_whose_escaped_base64_unescapes_to_invalid_utf8_is_an_invalid_event()
    {
        // A valid chunk, then one whose "bytes" is base64 written as \u escapes, one of them mutated into a byte sequence
        // that is not UTF-8: CopyString threw InvalidOperationException.
        string input = JsonSerializer.Deserialize<string>(
            """
            "\uF8B6\u0000\u0000\u0000\u007F\u0000\u0000\u0000K\u00FF\u00AE0o\u000B:event-type\u0007\u0000\u0005chunk\r:content-type\u0007\u0000\u0010application/json\r:message-type\u0007\u0000\u0005event{\u0022bytes\u0022:\u0022eyJnZW5lcmF0aW9uIjoiYSJ9\u0022}\u00EE\u0096\u001D%\u0000\u0000\u0001W\u0000\u0000\u0000K\u00C5C\u0087\u000F\u000B:event-type\u0007\u0000\u0005chunk\r:content-type\u0007\u0000\u0010application/json\r:message-type\u0007\u0000\u0005event{\u0022bytes\u0022:\u0022\\u0053\\u0047\\u0056\\u0079\\u005a\\u0053\\u0063\\u0036\\u0049\\u0046\\u0073\\u006e\\u0062\\u0057\\u0046\\u0030\\u0061\\u0043\\u0066\\u0069\\u006e\\u0071\\u0030\\u0067\\u004a\\u0033\\u0042\\u0076\\u005a\\u0058\\u0052\u00DCu0079\\u0065\\u0053\\u0064\\u0064\\u0066\\u0051\\u006fTu003d\u0022}P\u00F7\u00AC\u00E5\u0000\u0000\u0000\u00A7\u0000\u0000\u0000cs\u009E\u00AC\r\u000F:exception-type\u0007\u0000\u0015modelTimeoutException\r:content-type\u0007\u0000\u0010application/json\r:message-type\u0007\u0000\texception{\u0022message\u0022:\u0022Stream failed\u0022,\u0022originalStatusCode\u0022:424}\u00C6\u00AB\u00A9\u0000"
            """)!;

        BedrockEventStreamException error = Assert.Throws<BedrockEventStreamException>(() => new InvokeStreamTarget(FuzzTargets.Generator()).Run(input));

        Assert.Equal(EventStreamErrorKind.InvalidEvent, error.Kind);
        Assert.Contains("not valid UTF-8 or UTF-16", error.Message, System.StringComparison.Ordinal);
    }
}
