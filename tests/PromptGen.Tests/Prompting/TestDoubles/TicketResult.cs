using System.Text.Json;
using PromptGen.CompilerServices;

namespace PromptGen.Tests.Prompting.TestDoubles;

public enum Priority
{
    Low,
    Medium,
    High,
    InProgress,
}

public sealed record TicketResult(string Title, Priority Priority, int Minutes);

/// <summary>
/// A parser written the way the generator emits them: one pass over Utf8JsonReader with the runtime's lenient
/// readers, every error collected with its path, constraints checked after reading.
/// </summary>
internal static class TicketResultParser
{
    public const string Schema =
        """{"type":"object","properties":{"title":{"type":"string","maxLength":40},"priority":{"enum":["Low","Medium","High","InProgress"]},"minutes":{"type":"integer","minimum":0}},"required":["title","priority","minutes"]}""";

    private static readonly string[] PriorityNames = { "Low", "Medium", "High", "InProgress" };

    public static StructuredOutputSpec<TicketResult> Spec(StructuredOutputStrategy strategy, int maxRepairAttempts = 1) => new()
    {
        SchemaJson = Schema,
        ResultName = "ticket_result",
        Description = "The triaged ticket.",
        Strategy = strategy,
        Reader = new ResultReader<TicketResult>(ResultRoot.Object, Read),
        MaxRepairAttempts = maxRepairAttempts,
    };

    /// <summary>The strict JSON of a whole answer, read as the spec reads a forced tool's input.</summary>
    public static ParseOutcome<TicketResult> Parse(byte[] json) => new ResultReader<TicketResult>(ResultRoot.Object, Read).ReadJson(json);

    public static bool Read(ref Utf8JsonReader reader, JsonPath path, ResultErrorList errors, out TicketResult value)
    {
        value = default!;
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            errors.Add(path, ResultErrorKind.TypeMismatch, $"expected an object, got {JsonValueReaders.Describe(ref reader)}");
            reader.Skip();
            return false;
        }

        int errorCount = errors.Count;
        string? title = null;
        Priority? priority = null;
        int? minutes = null;
        bool sawPriority = false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            // As generated readers do (JsonValueReaders.NextMember): a member written as null is absent.
            int member = JsonValueReaders.MemberNameEquals(ref reader, "title") ? 0
                : JsonValueReaders.MemberNameEquals(ref reader, "priority") ? 1
                : JsonValueReaders.MemberNameEquals(ref reader, "minutes") ? 2 : -1;
            reader.Read();
            if (member < 0 || reader.TokenType == JsonTokenType.Null)
            {
                reader.Skip();
                continue;
            }

            if (member == 0)
            {
                if (JsonValueReaders.TryReadString(ref reader, "$.title", errors, out string t))
                {
                    title = t;
                }
            }
            else if (member == 1)
            {
                sawPriority = true;
                if (JsonValueReaders.TryMatchEnum(ref reader, "$.priority", errors, PriorityNames, out int index))
                {
                    priority = (Priority)index;
                }
            }
            else
            {
                if (JsonValueReaders.TryReadInt32(ref reader, "$.minutes", errors, out int m))
                {
                    minutes = m;
                }
            }

            reader.Skip();
        }

        if (title is null && !errors.Items.Exists("$.title"))
        {
            errors.Add("$.title", ResultErrorKind.MissingMember, "is required");
        }

        if (!sawPriority)
        {
            errors.Add("$.priority", ResultErrorKind.MissingMember, "is required");
        }

        if (minutes is null && !errors.Items.Exists("$.minutes"))
        {
            errors.Add("$.minutes", ResultErrorKind.MissingMember, "is required");
        }

        ResultValidation.Length(errors, "$.title", title, -1, 40);
        if (minutes is { } number)
        {
            ResultValidation.Range(errors, "$.minutes", number, 0, double.PositiveInfinity);
        }

        if (errors.Count != errorCount)
        {
            return false;
        }

        value = new TicketResult(title!, priority!.Value, minutes!.Value);
        return true;
    }

    private static bool Exists(this System.Collections.Generic.IReadOnlyList<ResultError> errors, string path)
    {
        foreach (ResultError error in errors)
        {
            if (error.Path == path)
            {
                return true;
            }
        }

        return false;
    }
}
