using System;
using System.Text.Json;

namespace PromptGen.CompilerServices;

/// <summary>
/// The fast path of a batch: reads the one vector a Titan or Nova answer carries in a single forward pass, skipping
/// everything else (Titan repeats the vector in <c>embeddingsByType</c>). Any answer it does not understand returns
/// null, and the typed response reader reads it instead, with its exact errors.
/// </summary>
internal static class EmbeddingVectorReader
{
    /// <summary>The numbers of the top-level <c>embedding</c> array (Titan); null when the answer is not that simple.</summary>
    /// <param name="body">The answer.</param>
    /// <param name="expectedLength">The dimension asked for, so the vector is allocated once at its size.</param>
    public static float[]? ReadTitan(ReadOnlySpan<byte> body, int expectedLength)
    {
        try
        {
            var reader = new Utf8JsonReader(body);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return null;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.CurrentDepth == 1 && reader.ValueTextEquals("embedding"u8))
                {
                    return reader.Read() && reader.TokenType == JsonTokenType.StartArray ? ReadNumbers(ref reader, expectedLength) : null;
                }

                reader.Read();
                reader.Skip();
            }

            return null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static float[]? ReadNumbers(ref Utf8JsonReader reader, int expectedLength)
    {
        float[] values = new float[Math.Max(expectedLength, 1)];
        int count = 0;
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.EndArray)
            {
                return count == values.Length ? values : values.AsSpan(0, count).ToArray();
            }

            if (reader.TokenType != JsonTokenType.Number || !reader.TryGetDouble(out double number) || !float.IsFinite((float)number))
            {
                return null;
            }

            if (count == values.Length)
            {
                Array.Resize(ref values, values.Length * 2);
            }

            values[count++] = (float)number;
        }

        return null;
    }
}
