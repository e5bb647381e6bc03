using System.IO;

namespace PromptGen.Package.Tests;

/// <summary>The app in Consumers/EmulatorClient as a package user's project, under the packed packages' work folder.</summary>
internal static class EmulatorClient
{
    /// <summary>Copies the app's sources next to a project file referencing this run's packages; returns the folder.</summary>
    public static string Create(PackedPackages packages, string name, string targetFrameworks, bool withTesting)
    {
        string consumer = Directory.CreateDirectory(Path.Combine(packages.WorkDirectory, name)).FullName;
        File.Copy(Path.Combine(System.AppContext.BaseDirectory, "Consumers", "EmulatorClient", "Program.cs"), Path.Combine(consumer, "Program.cs"), overwrite: true);
        string testing = withTesting ? $"""<PackageReference Include="PromptGen.Testing" Version="{packages.Version}" />""" : string.Empty;
        File.WriteAllText(Path.Combine(consumer, name + ".csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFrameworks>{targetFrameworks}</TargetFrameworks>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <RestoreConfigFile>{packages.NuGetConfig}</RestoreConfigFile>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="PromptGen" Version="{packages.Version}" />
                {testing}
              </ItemGroup>
            </Project>
            """);
        return consumer;
    }
}
