using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using PromptGen.Descriptors;

namespace PromptGen.Playground;

/// <summary>The methods the playground offers, each with an id the page uses (its position).</summary>
internal sealed class PlaygroundCatalog
{
    public PlaygroundCatalog(IEnumerable<PromptDescriptor> descriptors) => Methods = descriptors.ToArray();

    public IReadOnlyList<PromptDescriptor> Methods { get; }

    public static string IdOf(int index) => index.ToString(CultureInfo.InvariantCulture);

    public PromptDescriptor? Find(string? id) =>
        int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out int index) && index < Methods.Count ? Methods[index] : null;
}
