using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Threading;

namespace PromptGen.Generators.Tests.TemplateEquivalence;

/// <summary>
/// Builds arguments for any prompt method by its parameter types, for templates that come without their own cases
/// (samples, other test projects): culture-sensitive values, non-ASCII text, lists of three, records built through
/// their widest constructor. The null variant passes null for every reference and nullable parameter.
/// </summary>
internal static class SampleArguments
{
    private static readonly DateTime When = new(2026, 3, 4, 5, 6, 7, DateTimeKind.Utc);

    public static object?[] For(MethodInfo method, bool nulls) =>
        method.GetParameters().Select(p => nulls && CanBeNull(p.ParameterType) && !IsToolSet(p.ParameterType) ? null : ValueOf(p.ParameterType, p.Name ?? "value", depth: 0)).ToArray();

    // A tool set is never null (the generated method refuses it before any call); its templates see the other values.
    private static bool IsToolSet(Type type) =>
        type.GetMethods().Any(m => m.GetCustomAttributes().Any(a => a.GetType().Name == "ToolAttribute"));

    private static bool CanBeNull(Type type) => !type.IsValueType || Nullable.GetUnderlyingType(type) is not null;

    private static object? ValueOf(Type type, string hint, int depth)
    {
        if (Nullable.GetUnderlyingType(type) is { } underlying)
        {
            return ValueOf(underlying, hint, depth);
        }

        if (type == typeof(string))
        {
            return $"{hint} «Grüße», 1.5 & \"quotes\"";
        }

        if (type == typeof(CancellationToken))
        {
            return CancellationToken.None;
        }

        if (typeof(System.Collections.Generic.IEnumerable<PromptGen.Message>).IsAssignableFrom(type) && type.IsAssignableFrom(typeof(PromptGen.Message[])))
        {
            // A conversation history: sent before the rendered prompt, which is what the comparison reads.
            return Array.Empty<PromptGen.Message>();
        }

        if (type == typeof(int))
        {
            return 1234567;
        }

        if (type == typeof(long))
        {
            return -9876543210L;
        }

        if (type == typeof(double))
        {
            return 1234.5;
        }

        if (type == typeof(float))
        {
            return 0.25f;
        }

        if (type == typeof(decimal))
        {
            return 1234.50m;
        }

        if (type == typeof(bool))
        {
            return true;
        }

        if (type == typeof(char))
        {
            return 'é';
        }

        if (type == typeof(DateTime))
        {
            return When;
        }

        if (type == typeof(DateTimeOffset))
        {
            return new DateTimeOffset(When);
        }

        if (type == typeof(DateOnly))
        {
            return DateOnly.FromDateTime(When);
        }

        if (type == typeof(TimeSpan))
        {
            return TimeSpan.FromMinutes(90);
        }

        if (type == typeof(Guid))
        {
            return new Guid("00000000-0000-0000-0000-0000000000ab");
        }

        if (type == typeof(object))
        {
            return 1234.5;
        }

        if (type.IsEnum)
        {
            return Enum.GetValues(type).Cast<object>().Last();
        }

        if (depth > 4)
        {
            return null;
        }

        if (type.IsArray)
        {
            Type element = type.GetElementType()!;
            Array array = Array.CreateInstance(element, 3);
            for (int i = 0; i < 3; i++)
            {
                array.SetValue(ValueOf(element, hint + i, depth + 1), i);
            }

            return array;
        }

        if (type.IsGenericType && typeof(IEnumerable).IsAssignableFrom(type) || type.IsInterface && type.IsGenericType)
        {
            Type element = type.GetGenericArguments()[0];
            var list = (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(element))!;
            for (int i = 0; i < 3; i++)
            {
                list.Add(ValueOf(element, hint + i, depth + 1));
            }

            return type.IsAssignableFrom(list.GetType()) ? list : null;
        }

        ConstructorInfo? constructor = type.GetConstructors().OrderByDescending(c => c.GetParameters().Length).FirstOrDefault();
        if (constructor is null)
        {
            return type.IsValueType ? Activator.CreateInstance(type) : null;
        }

        object?[] arguments = constructor.GetParameters().Select(p => ValueOf(p.ParameterType, p.Name ?? hint, depth + 1)).ToArray();
        return constructor.Invoke(arguments);
    }
}
