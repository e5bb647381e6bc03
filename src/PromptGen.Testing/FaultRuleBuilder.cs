using System;
using PromptGen.Testing.Scripting;

namespace PromptGen.Testing;

// Fault injection on the fluent builder: Script.When(...).Times(2).ReplyDropConnection(),
// Script.Always().Share(0.2, seed: 7).ReplyThrottling().
public sealed partial class ScriptRuleBuilder
{
    private FaultShare? _share;

    /// <summary>
    /// Answer only about this fraction of the matching calls (0 to 1), chosen by a generator seeded with
    /// <paramref name="seed"/>, so a run is repeatable for the same order of calls; the others fall through to later rules
    /// or the default reply.
    /// </summary>
    public ScriptRuleBuilder Share(double fraction, int seed = 0)
    {
        if (double.IsNaN(fraction) || fraction is < 0 or > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(fraction), fraction, "The share must be between 0 and 1.");
        }

        _share = new FaultShare(fraction, seed);
        return this;
    }

    /// <summary>Finishes the rule: close the connection without answering.</summary>
    public ScriptRule ReplyDropConnection() => Reply(EmulatorReply.DropConnection());

    /// <summary>Finishes the rule: announce the full answer <paramref name="text"/>, send half of it, close the connection.</summary>
    public ScriptRule ReplyTruncatedText(string text) => Reply(EmulatorReply.TruncatedText(text));

    /// <summary>
    /// Finishes the rule: a 200 answer of <paramref name="length"/> bytes, or with null one that never ends (to
    /// <c>ConverseStream</c>, one text-delta frame of that length); see <see cref="EmulatorFault.LargeBody"/>.
    /// </summary>
    public ScriptRule ReplyLargeText(long? length, bool announceLength = true) => Reply(EmulatorReply.LargeText(length, announceLength));

    /// <summary>
    /// Finishes the rule: an error response of <paramref name="length"/> bytes, or with null one that never ends; see
    /// <see cref="EmulatorFault.LargeBody"/>.
    /// </summary>
    public ScriptRule ReplyLargeError(string code, int status, long? length, bool announceLength = true) =>
        Reply(EmulatorReply.LargeError(code, status, length, announceLength));

    /// <summary>Finishes the rule: a <c>ThrottlingException</c> (429), with <c>Retry-After</c> when given.</summary>
    public ScriptRule ReplyThrottling(TimeSpan? retryAfter = null) => Reply(EmulatorReply.Throttling(retryAfter));

    /// <summary>Finishes the rule: answer with an error carrying a <c>Retry-After</c> header.</summary>
    public ScriptRule ReplyError(string code, int status, string message, TimeSpan retryAfter) =>
        Reply(EmulatorReply.FromError(code, status, message).WithRetryAfter(retryAfter));

    private RuleCondition WithShare(RuleCondition condition) => _share is null ? condition : condition.WithShare(_share);
}
