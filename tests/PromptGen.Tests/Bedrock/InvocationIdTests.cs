using System.Collections.Generic;
using PromptGen.Bedrock.Http;
using Xunit;

namespace PromptGen.Tests.Bedrock;

/// <summary>amz-sdk-invocation-id: a version-4 UUID, as the AWS SDKs send, different for every call.</summary>
public sealed class InvocationIdTests
{
    [Fact]
    public void Ids_are_version_4_uuids_in_the_usual_text_form()
    {
        for (int i = 0; i < 1_000; i++)
        {
            string id = InvocationIds.Next();

            Assert.Matches("^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$", id);
        }
    }

    [Fact]
    public void Ids_do_not_repeat()
    {
        var seen = new HashSet<string>();
        for (int i = 0; i < 100_000; i++)
        {
            Assert.True(seen.Add(InvocationIds.Next()));
        }
    }
}
