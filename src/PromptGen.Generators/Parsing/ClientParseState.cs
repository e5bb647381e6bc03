namespace PromptGen.Generators.Parsing;

/// <summary>
/// What parsing the methods of one interface shares: the interface's rules, its invocation options reader (which
/// reports an interface-level mistake once) and whether the shared system prompt's errors were reported yet.
/// </summary>
internal sealed class ClientParseState
{
    private bool _systemPromptReported;

    public ClientParseState(PromptClientRules rules)
    {
        Rules = rules;
        InvocationOptions = new InvocationOptionsReader(rules.Client, rules.KnownTypes);
    }

    public PromptClientRules Rules { get; }

    public KnownTypeSymbols KnownTypes => Rules.KnownTypes;

    public InvocationOptionsReader InvocationOptions { get; }

    /// <summary>True the first time only: the shared system prompt's errors are reported once.</summary>
    public bool TakeSystemPromptReport()
    {
        bool first = !_systemPromptReported;
        _systemPromptReported = true;
        return first;
    }
}
