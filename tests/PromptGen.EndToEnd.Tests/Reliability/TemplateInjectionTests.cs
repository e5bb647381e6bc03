using System.Linq;
using System.Threading.Tasks;
using PromptGen.Testing;
using Xunit;

namespace PromptGen.EndToEnd.Tests.Reliability;

/// <summary>Parameter values are data: whatever template syntax they hold reaches the model literally.</summary>
public sealed class TemplateInjectionTests
{
    public static TheoryData<string> Payloads => new()
    {
        "{{ owner }}",
        "{{ 1 + 1 }}",
        "{{ for x in [1, 2, 3] }}x{{ end }}",
        "{{ include 'secrets.txt' }}",
        "{{ func f; ret 1; end }}{{ f }}",
        "}} {{ text }} {{",
        "{{~ \"raw\" ~}}",
        "{% raw %}{{ x }}{% endraw %}",
        "{{ date.now }}",
        "{{ ",
    };

    [Theory]
    [MemberData(nameof(Payloads))]
    public async Task Template_syntax_in_a_parameter_value_is_sent_literally(string payload)
    {
        await using BedrockEmulator emulator = await BedrockEmulator.StartAsync();
        using BedrockRuntimeClient client = FaultClients.Create(emulator);
        IInjectionPrompts prompts = IInjectionPrompts.Create(client);

        await prompts.SummarizeAsync(owner: "Ada " + payload, text: payload);
        await prompts.ReadNoteAsync(new Note(payload, payload + payload));

        RecordedRequest summarize = emulator.Requests[0];
        Assert.Equal("Summarize: " + payload, summarize.UserText);
        Assert.Equal("You summarize notes for Ada " + payload + ".", summarize.SystemText);
        Assert.Equal($"Note {payload}: {payload}{payload}", emulator.Requests[1].UserText);
        Assert.Equal(2, emulator.Requests.Count(r => r.ResponseStatus == 200));
    }
}
