namespace PromptGen.Testing;

/// <summary>
/// The test credentials of the wire spec's SigV4 test vector. A default <see cref="BedrockEmulatorOptions"/> accepts them,
/// so a client configured with these signs requests the emulator can verify.
/// </summary>
public static class EmulatorCredentials
{
    /// <summary>The access key id accepted by default.</summary>
    public const string AccessKeyId = "AKIDEXAMPLE";

    /// <summary>The secret access key that belongs to <see cref="AccessKeyId"/>.</summary>
    public const string SecretAccessKey = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
}
