using System;
using System.Collections.Generic;

namespace PromptGen.Reliability.Engine;

/// <summary>One thing under fuzz: how to make the i-th input, and what running it must do.</summary>
public interface IFuzzTarget
{
    string Name { get; }

    /// <summary>The input for iteration <paramref name="iteration"/>; the same seed and iteration give the same input.</summary>
    string NextInput(Random random, int iteration);

    /// <summary>
    /// Runs one input. Throws <see cref="FuzzViolation"/> when an invariant breaks; any exception that is not one
    /// of the target's typed ones is a finding too.
    /// </summary>
    void Run(string input);

    /// <summary>Whether <paramref name="exception"/> is one of the typed errors the code under test documents.</summary>
    bool IsExpected(Exception exception);
}

/// <summary>An invariant of the code under test does not hold for an input.</summary>
public sealed class FuzzViolation(string message) : Exception(message);

/// <summary>A target that counts how its inputs ended (accepted, and each typed refusal), printed after its run.</summary>
public interface ICountsOutcomes
{
    /// <summary>Inputs per outcome, by outcome name.</summary>
    SortedDictionary<string, int> Outcomes { get; }
}
