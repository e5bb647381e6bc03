namespace PromptGen.Generators.Catalog;

/// <summary>What a model makes, and so which Bedrock API calls it.</summary>
internal enum ModelModality
{
    /// <summary>Text from a conversation: Converse and ConverseStream (and InvokeModel with the model's native body).</summary>
    Chat,

    /// <summary>Images from a prompt: InvokeModel only.</summary>
    Image,

    /// <summary>Vectors from texts or images: InvokeModel only.</summary>
    Embedding,
}
