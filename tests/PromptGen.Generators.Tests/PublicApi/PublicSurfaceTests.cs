using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Xml.Linq;
using PromptGen.Generators.Emit;
using Xunit;

namespace PromptGen.Generators.Tests.PublicApi;

/// <summary>
/// The runtime's public surface is split the way docs/architecture.md says: what users import (<c>PromptGen</c>,
/// <c>PromptGen.AI</c>, <c>PromptGen.Bedrock</c>, <c>PromptGen.Retrieval</c>, the DI extensions) holds no type that only generated code uses, and
/// what only generated code uses is in <c>PromptGen.CompilerServices</c>, hidden from IntelliSense and documented as
/// such. Read from the built runtime by reflection and from the generator's own list of the runtime types it names
/// (<see cref="RuntimeTypes"/>).
/// </summary>
public sealed class PublicSurfaceTests
{
    private const string CompilerServices = "PromptGen.CompilerServices";
    private const string GeneratedCodeOnly = "Used by generated code; not for direct use.";

    /// <summary>The namespaces a user imports: the README's tour and docs/architecture.md.</summary>
    private static readonly string[] UserNamespaces = ["PromptGen", "PromptGen.AI", "PromptGen.Batch", "PromptGen.Bedrock", "PromptGen.Descriptors", "PromptGen.Retrieval", "Microsoft.Extensions.DependencyInjection"];

    private static readonly Assembly Runtime = typeof(PromptClientAttribute).Assembly;

    private static readonly Lazy<Dictionary<string, string>> Docs = new(ReadDocs);

    [Fact]
    public void The_runtime_exports_only_the_user_namespaces_and_CompilerServices()
    {
        string[] namespaces = Runtime.GetExportedTypes().Select(type => type.Namespace!).Distinct().OrderBy(n => n, StringComparer.Ordinal).ToArray();

        Assert.Equal(UserNamespaces.Append(CompilerServices).OrderBy(n => n, StringComparer.Ordinal), namespaces);
    }

    [Fact]
    public void Every_type_in_CompilerServices_is_hidden_and_documented_as_for_generated_code()
    {
        List<Type> types = Runtime.GetExportedTypes().Where(type => type.Namespace == CompilerServices).ToList();
        Assert.NotEmpty(types);

        Assert.All(types, type =>
        {
            Assert.True(IsHidden(type), $"{type.FullName} lacks [EditorBrowsable(EditorBrowsableState.Never)].");
            Assert.True(
                Docs.Value.TryGetValue("T:" + DocName(type), out string? summary) && summary.Contains(GeneratedCodeOnly, StringComparison.Ordinal),
                $"The summary of {type.FullName} does not say \"{GeneratedCodeOnly}\"");
        });
    }

    [Fact]
    public void The_user_namespaces_hold_no_hidden_type()
    {
        List<string> hidden = Runtime.GetExportedTypes()
            .Where(type => type.Namespace != CompilerServices && IsHidden(type))
            .Select(type => type.FullName!)
            .ToList();

        Assert.Empty(hidden);
    }

    [Fact]
    public void A_hidden_member_of_a_user_type_is_documented_as_for_generated_code()
    {
        List<MemberInfo> hidden = Runtime.GetExportedTypes()
            .Where(type => type.Namespace != CompilerServices)
            .SelectMany(type => type.GetMembers(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .Where(member => member.GetCustomAttribute<EditorBrowsableAttribute>()?.State == EditorBrowsableState.Never)
            .ToList();
        Assert.NotEmpty(hidden);

        Assert.All(hidden, member =>
        {
            string prefix = (member is ConstructorInfo ? "M:" : member is MethodInfo ? "M:" : "P:")
                + DocName(member.DeclaringType!) + "." + (member is ConstructorInfo ? "#ctor" : member.Name);
            Assert.True(
                Docs.Value.Any(doc => (doc.Key == prefix || doc.Key.StartsWith(prefix + "(", StringComparison.Ordinal)) && doc.Value.Contains(GeneratedCodeOnly, StringComparison.Ordinal)),
                $"{member.DeclaringType!.FullName}.{member.Name} is hidden but its summary does not say \"{GeneratedCodeOnly}\"");
        });
    }

    [Fact]
    public void What_only_generated_code_calls_is_in_CompilerServices_and_what_users_see_is_not_hidden()
    {
        Dictionary<string, Type> exported = Runtime.GetExportedTypes().ToDictionary(type => StripArity(type.FullName!), StringComparer.Ordinal);
        List<(string Field, string Name)> named = typeof(RuntimeTypes)
            .GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(field => field.IsLiteral && field.Name is not (nameof(RuntimeTypes.Api) or nameof(RuntimeTypes.Wire) or nameof(RuntimeTypes.Support)))
            .Select(field => (field.Name, Name: ((string)field.GetRawConstantValue()!).Replace("global::", "", StringComparison.Ordinal)))
            .ToList();
        Assert.NotEmpty(named);

        Assert.All(named, entry =>
        {
            Assert.True(exported.TryGetValue(entry.Name, out Type? type), $"RuntimeTypes.{entry.Field} names {entry.Name}, which the runtime does not export.");
            bool generatedCodeOnly = entry.Name.StartsWith(CompilerServices + ".", StringComparison.Ordinal);
            if (generatedCodeOnly)
            {
                Assert.True(IsHidden(type!), $"{entry.Name} is called by generated code only but is not hidden.");
            }
            else
            {
                Assert.Contains(type!.Namespace, UserNamespaces);
                Assert.False(IsHidden(type!), $"{entry.Name} is public API but hidden.");
            }
        });
    }

    private static bool IsHidden(MemberInfo member) =>
        member.GetCustomAttribute<EditorBrowsableAttribute>()?.State == EditorBrowsableState.Never;

    private static string StripArity(string fullName) => fullName.Split('`')[0];

    /// <summary>A type's name in an XML documentation id: nested types joined with a dot.</summary>
    private static string DocName(Type type) => type.FullName!.Replace('+', '.');

    /// <summary>The runtime's XML documentation (PromptGen.xml, copied beside the test with the runtime): id → summary.</summary>
    private static Dictionary<string, string> ReadDocs()
    {
        string path = Path.ChangeExtension(Runtime.Location, ".xml");
        Assert.True(File.Exists(path), $"The runtime's documentation file was not found at {path}.");
        return XDocument.Load(path).Descendants("member")
            .ToDictionary(
                member => (string)member.Attribute("name")!,
                member => string.Join(" ", ((string?)member.Element("summary") ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)),
                StringComparer.Ordinal);
    }
}
