using System;
using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace PromptGen.Testing.Wire.Invoke;

/// <summary>
/// The emulator's embeddings: a vector of the requested length drawn from a generator seeded with a SHA-256 of the
/// input (the model family does not matter, the text does), so the same text gives the same vector everywhere;
/// scaled to length 1 when asked. Quantized kinds follow Cohere's definitions: int8/uint8 by scaling, binary/ubinary
/// as sign bits packed eight to a byte.
/// </summary>
internal static class SyntheticEmbeddings
{
    public static float[] Create(string input, int dimension, bool normalize)
    {
        byte[] hash = SHA256.HashData(Encoding.UTF8.GetBytes(input));
        ulong state = BinaryPrimitives.ReadUInt64LittleEndian(hash) ^ BinaryPrimitives.ReadUInt64LittleEndian(hash.AsSpan(8));
        var vector = new float[dimension];
        double sumOfSquares = 0;
        for (int i = 0; i < dimension; i++)
        {
            // SplitMix64, mapped to (-1, 1).
            state += 0x9E3779B97F4A7C15UL;
            ulong z = state;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            z ^= z >> 31;
            double value = ((z >> 11) * (1.0 / (1UL << 53)) * 2) - 1;
            vector[i] = (float)value;
            sumOfSquares += value * value;
        }

        if (normalize && sumOfSquares > 0)
        {
            float length = (float)Math.Sqrt(sumOfSquares);
            for (int i = 0; i < dimension; i++)
            {
                vector[i] /= length;
            }
        }

        return vector;
    }

    /// <summary>The vector as the kind asks: <c>float</c> as it is, <c>int8</c> −128…127, <c>uint8</c> 0…255, <c>binary</c>/<c>ubinary</c> packed sign bits.</summary>
    public static double[] AsKind(float[] vector, string kind)
    {
        float max = 0;
        foreach (float value in vector)
        {
            max = Math.Max(max, Math.Abs(value));
        }

        double scale = max == 0 ? 0 : 127.0 / max;
        switch (kind)
        {
            case "int8":
                return Array.ConvertAll(vector, value => Math.Round(value * scale));
            case "uint8":
                return Array.ConvertAll(vector, value => Math.Round(value * scale) + 128);
            case "binary":
            case "ubinary":
                {
                    var packed = new double[(vector.Length + 7) / 8];
                    for (int i = 0; i < packed.Length; i++)
                    {
                        int bits = 0;
                        for (int j = 0; j < 8; j++)
                        {
                            int index = (i * 8) + j;
                            bits = (bits << 1) | (index < vector.Length && vector[index] > 0 ? 1 : 0);
                        }

                        packed[i] = kind == "binary" ? bits - 128 : bits;
                    }

                    return packed;
                }

            default:
                return Array.ConvertAll(vector, value => (double)value);
        }
    }
}
