namespace PromptGen;

/// <summary>How an embedding model cuts text longer than it takes (<see cref="EmbeddingAttribute.Truncation"/>).</summary>
public enum EmbeddingTruncation
{
    /// <summary>Not at all: too long a text is an error (Cohere and Nova <c>NONE</c>).</summary>
    None,

    /// <summary>Drop the start of the text (Cohere v3 <c>START</c>, v4 <c>LEFT</c>, Nova <c>START</c>).</summary>
    Start,

    /// <summary>Drop the end of the text (Cohere v3 <c>END</c>, v4 <c>RIGHT</c>, Nova <c>END</c>).</summary>
    End,
}
