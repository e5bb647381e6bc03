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
        Parse = Parse,
        MaxRepairAttempts = maxRepairAttempts,
    };

    public static ParseOutcome<TicketResult> Parse(byte[] json)
    {
        var errors = new ResultErrorList();
        var reader = new Utf8JsonReader(json);
        reader.Read();
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            errors.Add("$", ResultErrorKind.TypeMismatch, $"expected an object, got {JsonValueReaders.Describe(ref reader)}");
            return ParseOutcome<TicketResult>.Failure(errors.Items);
        }

        string? title = null;
        Priority? priority = null;
        int? minutes = null;
        bool sawPriority = false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (JsonValueReaders.MemberNameEquals(ref reader, "title"))
            {
                reader.Read();
                if (JsonValueReaders.TryReadString(ref reader, "$.title", errors, out string t))
                {
                    title = t;
                }
            }
            else if (JsonValueReaders.MemberNameEquals(ref reader, "priority"))
            {
                sawPriority = true;
                reader.Read();
                if (JsonValueReaders.TryMatchEnum(ref reader, "$.priority", errors, PriorityNames, out int index))
                {
                    priority = (Priority)index;
                }
            }
            else if (JsonValueReaders.MemberNameEquals(ref reader, "minutes"))
            {
                reader.Read();
                if (JsonValueReaders.TryReadInt32(ref reader, "$.minutes", errors, out int m))
                {
                    minutes = m;
                }
            }
            else
            {
                reader.Read();
            }

            reader.Skip();
        }

        if (title is null && !errors.Items.Exists("$.title"))
        {
            errors.Add("$.title", ResultErrorKind.MissingMember, "required member is missing");
        }

        if (!sawPriority)
        {
            errors.Add("$.priority", ResultErrorKind.MissingMember, "required member is missing");
        }

        if (minutes is null && !errors.Items.Exists("$.minutes"))
        {
            errors.Add("$.minutes", ResultErrorKind.MissingMember, "required member is missing");
        }

        ResultValidation.Length(errors, "$.title", title, -1, 40);
        if (minutes is { } value)
        {
            ResultValidation.Range(errors, "$.minutes", value, 0, double.PositiveInfinity);
        }

        return errors.Count == 0
            ? ParseOutcome<TicketResult>.Success(new TicketResult(title!, priority!.Value, minutes!.Value))
            : ParseOutcome<TicketResult>.Failure(errors.Items);
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
