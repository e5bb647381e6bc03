namespace PromptGen.Testing;

/// <summary>What the emulator answers to a valid call that no script rule answers.</summary>
public enum UnmatchedCallPolicy
{
    /// <summary>
    /// The default. While the script has no rule, every call gets the deterministic default reply (handy for demos);
    /// once it has one, a call that no rule answers — none matches, or the matching ones have used their
    /// <c>times</c> — fails with a 400 <c>UnscriptedRequestException</c> that shows the request and the rules. A test
    /// that scripts its answers then cannot pass on an answer it never scripted. A script of errors and faults alone
    /// does not count: it shapes failures around the default replies. Image and embedding calls (InvokeModel) always get
    /// their deterministic answer, since a script cannot write one.
    /// </summary>
    FailWhenScripted,

    /// <summary>A call that no rule answers always gets the deterministic default reply, however many rules there are.</summary>
    DefaultReply,

    /// <summary>A call that no rule answers always fails, even while the script is empty.</summary>
    Fail,
}
