using System;

namespace PromptGen.Testing;

/// <summary>A seeded coin that lets a rule answer only a share of the calls it matches.</summary>
internal sealed class FaultShare
{
    private readonly object gate = new();
    private readonly Random random;

    public FaultShare(double fraction, int seed)
    {
        Fraction = fraction;
        random = new Random(seed);
    }

    public double Fraction { get; }

    public bool Roll()
    {
        lock (gate)
        {
            return random.NextDouble() < Fraction;
        }
    }
}
