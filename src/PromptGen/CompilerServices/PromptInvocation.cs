using System.ComponentModel;
using System.Threading;

namespace PromptGen.CompilerServices;

/// <summary>
/// The prompt interface and method a Bedrock call is made for, so logs, traces and metrics can name them.
/// Generated prompt clients set it at the start of each method; it flows with the async call and is gone when
/// the method returns.
/// Used by generated code; not for direct use.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class PromptInvocation
{
    private static readonly AsyncLocal<PromptInvocation?> CurrentInvocation = new();

    private PromptInvocation(string interfaceName, string methodName)
    {
        InterfaceName = interfaceName;
        MethodName = methodName;
    }

    /// <summary>The prompt interface's full name, e.g. <c>Contoso.Support.ISupportPrompts</c>.</summary>
    public string InterfaceName { get; }

    /// <summary>The method's name, e.g. <c>SummarizeAsync</c>.</summary>
    public string MethodName { get; }

    /// <summary>The invocation the current async flow is in, or null outside generated prompt methods.</summary>
    public static PromptInvocation? Current => CurrentInvocation.Value;

    /// <summary>
    /// Called by generated code at the start of an <c>async</c> prompt method. The value set here is undone when
    /// the async method returns, since async methods restore their caller's execution context.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static void Enter(string interfaceName, string methodName) =>
        CurrentInvocation.Value = new PromptInvocation(interfaceName, methodName);
}
