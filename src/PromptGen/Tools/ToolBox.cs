using System;
using System.Collections.Generic;
using PromptGen.Bedrock;
using PromptGen.CompilerServices;

namespace PromptGen.Tools;

/// <summary>The tools of one prompt call, by name, and the <c>toolConfig</c> that offers them.</summary>
internal sealed class ToolBox
{
    private readonly Dictionary<string, ToolDefinition> _byName = new(StringComparer.Ordinal);
    private readonly List<ToolDefinition> _ordered = new();

    /// <exception cref="ArgumentException">No tools, two tools with one name, or a tool named <paramref name="reservedName"/>.</exception>
    public ToolBox(IReadOnlyList<ToolDefinition> tools, string? reservedName)
    {
        ArgumentNullException.ThrowIfNull(tools);
        foreach (ToolDefinition tool in tools)
        {
            ArgumentNullException.ThrowIfNull(tool, nameof(tools));
            if (string.Equals(tool.Name, reservedName, StringComparison.Ordinal))
            {
                throw new ArgumentException($"The tool name '{tool.Name}' is taken by the structured result tool; rename the tool with [Tool(\"…\")].", nameof(tools));
            }

            if (!_byName.TryAdd(tool.Name, tool))
            {
                throw new ArgumentException($"Two tools are named '{tool.Name}'; tool names must be unique within a call.", nameof(tools));
            }

            _ordered.Add(tool);
        }

        if (_ordered.Count == 0)
        {
            throw new ArgumentException("A tool loop needs at least one tool.", nameof(tools));
        }
    }

    public bool TryGet(string name, out ToolDefinition tool) => _byName.TryGetValue(name, out tool!);

    public bool Contains(string name) => _byName.ContainsKey(name);

    public string Names => string.Join(", ", _byName.Keys);

    /// <summary>
    /// The wire tools, in declaration order, followed by <paramref name="extra"/> when given, then by
    /// <paramref name="cachePoint"/> (which must come last: it closes the cacheable prefix).
    /// </summary>
    public List<Tool> WireTools(Tool? extra = null, CachePointBlock? cachePoint = null)
    {
        var tools = new List<Tool>(_ordered.Count + 2);
        foreach (ToolDefinition tool in _ordered)
        {
            tools.Add(tool.Schema.ToWireTool());
        }

        if (extra is not null)
        {
            tools.Add(extra);
        }

        if (cachePoint is not null)
        {
            tools.Add(new Tool { CachePoint = cachePoint });
        }

        return tools;
    }

    /// <summary>The wire form of a tool choice.</summary>
    public static ToolChoice Choice(ToolChoiceMode mode, string? tool) => mode switch
    {
        ToolChoiceMode.Any => new ToolChoice { Any = new AnyToolChoice() },
        ToolChoiceMode.Tool => ToolChoice.ForTool(tool ?? throw new ArgumentException("ToolChoiceMode.Tool needs the name of the tool.", nameof(tool))),
        _ => new ToolChoice { Auto = new AutoToolChoice() },
    };
}
