using System;

namespace PromptGen.Testing.Scripting;

/// <summary>A seeded coin that lets a rule answer only a share of the calls it matches.</summary>
internal sealed class FaultShare
{
    private readonly object _gate = new();
    private readonly Random _random;

    public FaultShare(double fraction, int seed)
    {
        Fraction = fraction;
        _random = new Random(seed);
    }

    public double Fraction { get; }

    public bool Roll()
    {
        lock (_gate)
        {
            return _random.NextDouble() < Fraction;
        }
    }
}
