using System;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Xml.Linq;
using Xunit;

namespace PromptGen.Package.Tests;

/// <summary>What is inside the packages: the files a consumer's build picks up and the metadata NuGet shows.</summary>
[Collection(PackedPackagesCollection.Name)]
public sealed class PackageLayoutTests
{
    private static readonly string[] RuntimeFrameworks = { "net8.0", "net10.0" };

    private readonly PackedPackages _packages;

    public PackageLayoutTests(PackedPackages packages) => _packages = packages;

    [Fact]
    public void PromptGen_ships_the_runtime_in_lib_and_the_generator_analyzers_and_code_fixes_in_analyzers()
    {
        string[] files = Entries(_packages.PackagePath("PromptGen"));

        AssertLibraryForEachRuntime(files, "PromptGen");

        Assert.Contains("analyzers/dotnet/cs/PromptGen.Generators.dll", files);
        Assert.Contains("analyzers/dotnet/cs/PromptGen.CodeFixes.dll", files);
        // The generator parses templates with Scriban inside the compiler, where only the analyzer folder is loaded.
        Assert.Contains("analyzers/dotnet/cs/Scriban.Signed.dll", files);
        Assert.Contains("README.md", files);

        // Nothing of the compiler-side assemblies may become a runtime reference of the user's app.
        Assert.DoesNotContain(files, file => file.StartsWith("lib/", StringComparison.Ordinal) && (file.Contains("Generators", StringComparison.Ordinal) || file.Contains("CodeFixes", StringComparison.Ordinal)));
        Assert.DoesNotContain(files, file => file.StartsWith("lib/", StringComparison.Ordinal) && file.EndsWith("Scriban.Signed.dll", StringComparison.Ordinal));
        Assert.DoesNotContain(files, file => file.StartsWith("lib/netstandard", StringComparison.Ordinal));
        Assert.DoesNotContain(files, file => file.EndsWith(".pdb", StringComparison.Ordinal));
    }

    [Fact]
    public void PromptGen_nuspec_has_license_readme_repository_and_only_runtime_dependencies()
    {
        XElement metadata = Nuspec(_packages.PackagePath("PromptGen"));

        Assert.Equal("PromptGen", Value(metadata, "id"));
        Assert.Equal(_packages.Version, Value(metadata, "version"));
        XElement license = Child(metadata, "license");
        Assert.Equal("expression", (string?)license.Attribute("type"));
        Assert.Equal("MIT", license.Value);
        Assert.Equal("README.md", Value(metadata, "readme"));
        Assert.False(string.IsNullOrWhiteSpace(Value(metadata, "description")));
        // SourceLink: the commit the package was built from.
        XElement repository = Child(metadata, "repository");
        Assert.Equal("git", (string?)repository.Attribute("type"));
        Assert.Matches("^[0-9a-f]{40}$", (string?)repository.Attribute("commit") ?? "");

        XElement[] groups = Child(metadata, "dependencies").Elements().Where(e => e.Name.LocalName == "group").ToArray();
        Assert.Equal(RuntimeFrameworks.OrderBy(f => f, StringComparer.Ordinal), groups.Select(g => (string)g.Attribute("targetFramework")!).OrderBy(f => f, StringComparer.Ordinal));
        foreach (XElement group in groups)
        {
            string[] ids = group.Elements().Select(d => (string)d.Attribute("id")!).ToArray();
            Assert.Contains("AWSSDK.Core", ids);
            Assert.Contains("Scriban.Signed", ids);
            Assert.DoesNotContain(ids, id => id.StartsWith("PromptGen", StringComparison.Ordinal));
            Assert.DoesNotContain(ids, id => id.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal));
            Assert.DoesNotContain(ids, id => id.StartsWith("Microsoft.SourceLink", StringComparison.Ordinal));
            Assert.DoesNotContain(ids, id => id == "PolySharp");
        }
    }

    [Fact]
    public void Symbols_ship_as_snupkg_for_each_runtime_framework()
    {
        string[] files = Entries(_packages.PackagePath("PromptGen", "snupkg"));
        foreach (string framework in RuntimeFrameworks)
        {
            Assert.Contains($"lib/{framework}/PromptGen.pdb", files);
        }

        Assert.Contains("lib/net10.0/PromptGen.Testing.pdb", Entries(_packages.PackagePath("PromptGen.Testing", "snupkg")));
    }

    [Fact]
    public void PromptGen_Testing_ships_the_emulator_with_the_AspNetCore_framework_reference()
    {
        string path = _packages.PackagePath("PromptGen.Testing");
        string[] files = Entries(path);
        AssertLibraryForEachRuntime(files, "PromptGen.Testing");

        Assert.DoesNotContain(files, file => file.StartsWith("analyzers/", StringComparison.Ordinal));

        XElement metadata = Nuspec(path);
        Assert.Equal("MIT", Child(metadata, "license").Value);
        Assert.Equal(new[] { "Microsoft.AspNetCore.App" }, FrameworkReferences(metadata));
    }

    [Fact]
    public void PromptGen_Playground_ships_its_page_inside_the_assembly_and_depends_on_PromptGen()
    {
        string path = _packages.PackagePath("PromptGen.Playground");
        string[] files = Entries(path);
        AssertLibraryForEachRuntime(files, "PromptGen.Playground");

        // The page is embedded (it works offline): no loose web assets, no analyzers.
        Assert.DoesNotContain(files, file => file.StartsWith("analyzers/", StringComparison.Ordinal) || file.Contains("wwwroot", StringComparison.Ordinal));

        XElement metadata = Nuspec(path);
        Assert.Equal(new[] { "Microsoft.AspNetCore.App" }, FrameworkReferences(metadata));
        XElement[] promptGen = metadata.Descendants().Where(e => e.Name.LocalName == "dependency" && (string?)e.Attribute("id") == "PromptGen").ToArray();
        Assert.NotEmpty(promptGen);
        Assert.All(promptGen, dependency => Assert.Equal(_packages.Version, (string?)dependency.Attribute("version")));
    }

    /// <summary>The assembly and its XML docs in <c>lib/</c> for every runtime framework.</summary>
    private static void AssertLibraryForEachRuntime(string[] files, string assembly)
    {
        foreach (string framework in RuntimeFrameworks)
        {
            Assert.Contains($"lib/{framework}/{assembly}.dll", files);
            Assert.Contains($"lib/{framework}/{assembly}.xml", files);
        }
    }

    private static string[] FrameworkReferences(XElement metadata) =>
        metadata.Descendants().Where(e => e.Name.LocalName == "frameworkReference").Select(e => (string)e.Attribute("name")!).Distinct().ToArray();

    private static string[] Entries(string package)
    {
        Assert.True(File.Exists(package), $"{package} was not produced");
        using ZipArchive archive = ZipFile.OpenRead(package);
        return archive.Entries.Select(entry => entry.FullName).ToArray();
    }

    private static XElement Nuspec(string package)
    {
        using ZipArchive archive = ZipFile.OpenRead(package);
        ZipArchiveEntry entry = archive.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal) && !e.FullName.Contains('/', StringComparison.Ordinal));
        using Stream stream = entry.Open();
        return Child(XDocument.Load(stream).Root!, "metadata");
    }

    private static XElement Child(XElement parent, string localName) =>
        parent.Elements().SingleOrDefault(e => e.Name.LocalName == localName)
        ?? throw new Xunit.Sdk.XunitException($"<{parent.Name.LocalName}> has no <{localName}>:\n{parent}");

    private static string Value(XElement parent, string localName) => Child(parent, localName).Value;
}
