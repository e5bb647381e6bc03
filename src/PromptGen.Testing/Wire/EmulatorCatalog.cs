using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using PromptGen.Generators.Catalog;
using PromptGen.Generators.Catalog.Data;

namespace PromptGen.Testing.Wire;

/// <summary>
/// The emulator's model catalog: the built-in one with the options' catalog files laid over it, as a build does. A file
/// that cannot be read or used is an <see cref="InvalidDataException"/>, like a knowledge base folder that cannot be
/// loaded, so whoever starts the emulator handles every unusable input file one way.
/// </summary>
internal static class EmulatorCatalog
{
    public static ModelTable Load(IEnumerable<string> paths)
    {
        var files = paths.Select(path => (Path: path, Text: Read(path))).ToList();
        if (files.Count == 0)
        {
            return ModelCatalog.BuiltIn;
        }

        (ModelTable table, IReadOnlyList<(string Path, CatalogFileError Error)> errors) = CatalogOverrides.Apply(ModelCatalog.BuiltIn, files);
        if (errors.Count > 0)
        {
            throw new InvalidDataException(
                "The emulator cannot read its model catalog files: " + string.Join("; ", errors.Select(fault => $"{fault.Path}{fault.Error}")));
        }

        return table;
    }

    private static string Read(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new InvalidDataException($"The emulator cannot read its model catalog file {path}: {exception.Message}", exception);
        }
    }
}
