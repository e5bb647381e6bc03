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
        // needed to understand a configuration error. Names of variables and settings are, and do not look random:
        // AWSSDK.Core writes "AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY/AWS_SESSION_TOKEN" as one run.
        return LongOpaqueToken().Replace(masked, match => IsSettingNames(match.Value) ? match.Value : Mask);
    }

    /// <summary>
    /// Whether a run is only names, joined by <c>/</c> or <c>=</c>: words in one case, of short segments split by
    /// <c>_</c> (<c>AWS_SESSION_TOKEN</c>, <c>aws_secret_access_key</c>, <c>UNRESTRICTED</c>). Random keys mix cases
    /// and digits, or run longer than any segment of a name.
    /// </summary>
    private static bool IsSettingNames(string run)
    {
        foreach (string name in run.Split('/', '='))
        {
            if (!SettingName().IsMatch(name))
            {
                return false;
            }
        }

        return true;
    }

    [GeneratedRegex(@":<.*> in file ", RegexOptions.Singleline)]
    private static partial Regex QuotedIniLine();

    [GeneratedRegex(@"[A-Za-z0-9+/=_\-]{32,}")]
    private static partial Regex LongOpaqueToken();

    [GeneratedRegex(@"^(?:[A-Z][A-Z]{0,15}(?:_[A-Z0-9]{1,16})*|[a-z][a-z]{0,15}(?:_[a-z0-9]{1,16})*)$")]
    private static partial Regex SettingName();
}
