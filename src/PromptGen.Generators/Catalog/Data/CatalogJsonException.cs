using System;

namespace PromptGen.Generators.Catalog.Data;

/// <summary>A catalog file that is not the JSON it should be; carries where, so the diagnostic can point there.</summary>
internal sealed class CatalogJsonException : Exception
{
    public CatalogJsonException(string message, int line, int column)
        : base(message)
    {
        Line = line;
        Column = column;
    }

    /// <summary>1-based line of the fault.</summary>
    public int Line { get; }

    /// <summary>1-based column of the fault.</summary>
    public int Column { get; }
}
