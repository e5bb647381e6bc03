using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using PromptGen.Descriptors;

namespace PromptGen.Tool.Playground;

/// <summary>
/// Loads a built assembly into its own load context and finds its prompt descriptors through the
/// <see cref="PromptDescriptorsProviderAttribute"/>s the generator writes on it (one per interface marked
/// [PromptDescriptors] that is not nested in a type) and, for interfaces nested in a type, the generated provider
/// nested in each: no member looked up by name.
/// </summary>
internal sealed class DescriptorAssemblyLoader : AssemblyLoadContext
{
    private readonly AssemblyDependencyResolver _resolver;
    private readonly string _toolDirectory = AppContext.BaseDirectory;

    private DescriptorAssemblyLoader(string assemblyPath)
        : base("promptgen-playground:" + Path.GetFileName(assemblyPath), isCollectible: false) =>
        _resolver = new AssemblyDependencyResolver(assemblyPath);

    /// <summary>The descriptors of every provider the assembly at <paramref name="assemblyPath"/> names, in attribute order.</summary>
    /// <exception cref="PlaygroundSetupException">The file is missing, not an assembly, or names a provider that cannot be made.</exception>
    public static IReadOnlyList<PromptDescriptor> Load(string assemblyPath)
    {
        if (!File.Exists(assemblyPath))
        {
            throw new PlaygroundSetupException($"No assembly at '{assemblyPath}'.");
        }

        Assembly assembly;
        try
        {
            assembly = new DescriptorAssemblyLoader(assemblyPath).LoadFromAssemblyPath(assemblyPath);
        }
        catch (BadImageFormatException)
        {
            throw new PlaygroundSetupException($"'{assemblyPath}' is not a .NET assembly.");
        }

        var descriptors = new List<PromptDescriptor>();
        var named = new HashSet<Type>();
        foreach (PromptDescriptorsProviderAttribute attribute in assembly.GetCustomAttributes<PromptDescriptorsProviderAttribute>())
        {
            named.Add(attribute.ProviderType);
            descriptors.AddRange(Create(attribute.ProviderType, assemblyPath).Descriptors);
        }

        foreach (Type provider in NestedProviders(assembly))
        {
            if (named.Add(provider))
            {
                descriptors.AddRange(Create(provider, assemblyPath).Descriptors);
            }
        }

        return descriptors;
    }

    /// <summary>
    /// The providers of [PromptDescriptors] interfaces nested in a type, which no assembly attribute names (it could not
    /// always reach them, in a private class): the type nested in such an interface that implements
    /// <see cref="IPromptDescriptorsProvider"/>, in metadata order. Reflection is fine here: the tool is not trimmed.
    /// </summary>
    private static IEnumerable<Type> NestedProviders(Assembly assembly)
    {
        Type[] types;
        try
        {
            types = assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException partial)
        {
            // A type whose dependency is missing cannot be a prompt interface the app runs; the rest still can.
            types = partial.Types.OfType<Type>().ToArray();
        }

        return types.Where(type => type is { IsInterface: true, IsNested: true }
                && !type.ContainsGenericParameters
                && type.IsDefined(typeof(PromptDescriptorsAttribute), inherit: false))
            .SelectMany(type => type.GetNestedTypes(BindingFlags.Public | BindingFlags.NonPublic))
            .Where(type => type is { IsClass: true, IsAbstract: false } && !type.ContainsGenericParameters && typeof(IPromptDescriptorsProvider).IsAssignableFrom(type));
    }

    private static IPromptDescriptorsProvider Create(Type providerType, string assemblyPath) =>
        Activator.CreateInstance(providerType, nonPublic: true) as IPromptDescriptorsProvider
            ?? throw new PlaygroundSetupException($"{providerType.FullName} in '{assemblyPath}' is not an IPromptDescriptorsProvider.");

    /// <summary>
    /// An assembly the tool itself ships (PromptGen, ASP.NET Core's, the BCL's) comes from the tool's context, so the
    /// loaded descriptors are the tool's PromptDescriptor type; anything else resolves from the app's own output.
    /// </summary>
    protected override Assembly? Load(AssemblyName assemblyName)
    {
        if (File.Exists(Path.Combine(_toolDirectory, assemblyName.Name + ".dll")) || Default.Assemblies.Any(loaded => loaded.GetName().Name == assemblyName.Name))
        {
            return null;
        }

        return _resolver.ResolveAssemblyToPath(assemblyName) is { } path ? LoadFromAssemblyPath(path) : null;
    }

    protected override IntPtr LoadUnmanagedDll(string unmanagedDllName) =>
        _resolver.ResolveUnmanagedDllToPath(unmanagedDllName) is { } path ? LoadUnmanagedDllFromPath(path) : IntPtr.Zero;
}
