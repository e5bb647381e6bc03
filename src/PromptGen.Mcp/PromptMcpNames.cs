using System;
using System.Collections.Generic;
using System.Text;
using PromptGen.Descriptors;

namespace PromptGen.Mcp;

/// <summary>
/// The MCP name of each prompt method: the method's name without its <c>Async</c> suffix, in snake_case
/// (<c>SummarizeTicketAsync</c> → <c>summarize_ticket</c>), after the options' prefix; an overload gets the number of
/// its place among the methods of that name (<c>summarize</c>, <c>summarize_2</c>). snake_case is what MCP servers
/// commonly use and what models read best; the characters fit MCP's tool-name rule (letters, digits, <c>_</c>).
/// </summary>
internal static class PromptMcpNames
{
    public static IReadOnlyList<(string Name, PromptDescriptor Descriptor)> Assign(IEnumerable<PromptDescriptor> descriptors, PromptMcpOptions options, ISet<string> taken)
    {
        var named = new List<(string, PromptDescriptor)>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var owners = new Dictionary<string, PromptDescriptor>(StringComparer.Ordinal);
        foreach (PromptDescriptor descriptor in descriptors)
        {
            if (descriptor is null)
            {
                throw new ArgumentException("The descriptors hold a null entry.", nameof(descriptors));
            }

            string baseName = options.NamePrefix + SnakeCase(WithoutAsync(descriptor.MethodName));
            // Overloads of one interface are numbered; the same name from another interface is a clash the prefix solves.
            string overloadKey = descriptor.InterfaceName + "." + baseName;
            int place = seen.TryGetValue(overloadKey, out int count) ? count + 1 : 1;
            seen[overloadKey] = place;
            string name = place == 1 ? baseName : baseName + "_" + place.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (!taken.Add(name))
            {
                string other = owners.TryGetValue(name, out PromptDescriptor? owner) ? $"{owner.InterfaceName}.{owner.MethodName}" : "another tool or prompt";
                throw new ArgumentException(
                    $"The MCP name '{name}' of {descriptor.InterfaceName}.{descriptor.MethodName} is already taken by {other}: set PromptMcpOptions.NamePrefix to tell them apart.",
                    nameof(descriptors));
            }

            owners[name] = descriptor;
            named.Add((name, descriptor));
        }

        return named;
    }

    internal static string WithoutAsync(string methodName) =>
        methodName.Length > "Async".Length && methodName.EndsWith("Async", StringComparison.Ordinal)
            ? methodName.Substring(0, methodName.Length - "Async".Length)
            : methodName;

    /// <summary><c>SummarizeHTMLTicket2</c> → <c>summarize_html_ticket2</c>: a break before an upper-case letter that follows a lower-case letter or a digit, or that starts a word after an acronym.</summary>
    internal static string SnakeCase(string name)
    {
        var builder = new StringBuilder(name.Length + 4);
        for (int i = 0; i < name.Length; i++)
        {
            char c = name[i];
            if (char.IsUpper(c))
            {
                bool afterLowerOrDigit = i > 0 && (char.IsLower(name[i - 1]) || char.IsDigit(name[i - 1]));
                bool endsAcronym = i > 0 && char.IsUpper(name[i - 1]) && i + 1 < name.Length && char.IsLower(name[i + 1]);
                if ((afterLowerOrDigit || endsAcronym) && builder.Length > 0 && builder[^1] != '_')
                {
                    builder.Append('_');
                }

                builder.Append(char.ToLowerInvariant(c));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}
