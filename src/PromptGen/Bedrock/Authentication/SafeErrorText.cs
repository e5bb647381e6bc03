using System;
using System.Text;
using System.Text.RegularExpressions;

namespace PromptGen.Bedrock.Authentication;

/// <summary>
/// Describes an exception from AWSSDK.Core's credential and profile code without risking a secret in our own
/// messages. Those exceptions can quote what they failed on: a malformed line of <c>~/.aws/credentials</c> (which
/// may be a pasted secret key), or the output of a <c>credential_process</c>. So they are never attached as inner
/// exceptions (their ToString would print them verbatim); their messages are copied with such parts masked.
/// </summary>
internal static partial class SafeErrorText
{
    private const string Mask = "***";

    public static string Describe(Exception exception)
    {
        var text = new StringBuilder();
        for (Exception? current = exception; current is not null; current = current.InnerException)
        {
            if (text.Length > 0)
            {
                text.Append(" --> ");
            }

            text.Append(current.GetType().Name).Append(": ").Append(MaskLikelySecrets(current.Message));
        }

        return text.ToString();
    }

    public static string MaskLikelySecrets(string message)
    {
        // IniFile quotes the offending line as "Line N:<content> in file PATH".
        string masked = QuotedIniLine().Replace(message, ":<" + Mask + "> in file ");
        // Secret keys are 40 base64 characters and session tokens hundreds; nothing this long and unbroken is
        // needed to understand a configuration error.
        return LongOpaqueToken().Replace(masked, Mask);
    }

    [GeneratedRegex(@":<.*> in file ", RegexOptions.Singleline)]
    private static partial Regex QuotedIniLine();

    [GeneratedRegex(@"[A-Za-z0-9+/=_\-]{32,}")]
    private static partial Regex LongOpaqueToken();
}
