using System;
using System.Text.Json;
using PromptGen.CompilerServices;
using Xunit;

namespace PromptGen.Tests.Prompting;

public sealed class JsonValueReadersTests
{
    [Theory]
    [InlineData("\"hello\"", "hello")]
    [InlineData("42", "42")]
    [InlineData("-1.50e3", "-1.50e3")]
    [InlineData("true", "true")]
    [InlineData("false", "false")]
    [InlineData("\"caf\\u00e9\"", "café")]
    public void Strings_accept_numbers_and_booleans_as_their_text(string json, string expected)
    {
        var (ok, value, errors, _) = ReaderHarness.Read<string>(json, JsonValueReaders.TryReadString);

        Assert.True(ok);
        Assert.Equal(expected, value);
        Assert.Equal(0, errors.Count);
    }

    [Theory]
    [InlineData("null", "expected string, got null")]
    [InlineData("{\"a\":1}", "expected string, got an object")]
    [InlineData("[1]", "expected string, got an array")]
    public void Strings_refuse_null_and_containers(string json, string message)
    {
        var (ok, _, errors, token) = ReaderHarness.Read<string>(json, JsonValueReaders.TryReadString);

        Assert.False(ok);
        ResultError error = Assert.Single(errors.Items);
        Assert.Equal(new ResultError("$.v", ResultErrorKind.TypeMismatch, message), error);
        Assert.Equal($"$.v: {message}", error.ToString());
        Assert.True(token is JsonTokenType.Null or JsonTokenType.EndObject or JsonTokenType.EndArray, "the reader ends on the value's last token");
    }

    [Theory]
    [InlineData("true", true)]
    [InlineData("false", false)]
    [InlineData("\"true\"", true)]
    [InlineData("\" FALSE \"", false)]
    [InlineData("\"True\"", true)]
    public void Booleans(string json, bool expected)
    {
        var (ok, value, _, _) = ReaderHarness.Read<bool>(json, JsonValueReaders.TryReadBoolean);

        Assert.True(ok);
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("\"yes\"", "expected boolean, got \"yes\"")]
    [InlineData("1", "expected boolean, got 1")]
    [InlineData("null", "expected boolean, got null")]
    public void Booleans_refuse_other_words_and_numbers(string json, string message)
    {
        var (ok, _, errors, _) = ReaderHarness.Read<bool>(json, JsonValueReaders.TryReadBoolean);

        Assert.False(ok);
        Assert.Equal(message, Assert.Single(errors.Items).Message);
    }

    [Theory]
    [InlineData("42", 42)]
    [InlineData("-7", -7)]
    [InlineData("\"42\"", 42)]
    [InlineData("\" 42 \"", 42)]
    [InlineData("3.0", 3)]
    [InlineData("1e3", 1000)]
    [InlineData("\"1E3\"", 1000)]
    [InlineData("2147483647", int.MaxValue)]
    public void Int32_values(string json, int expected)
    {
        var (ok, value, _, token) = ReaderHarness.Read<int>(json, JsonValueReaders.TryReadInt32);

        Assert.True(ok);
        Assert.Equal(expected, value);
        Assert.True(token is JsonTokenType.Number or JsonTokenType.String);
    }

    [Theory]
    [InlineData("3.5", "expected integer, got 3.5")]
    [InlineData("\"12 USD\"", "expected integer, got \"12 USD\"")]
    [InlineData("\"twelve\"", "expected integer, got \"twelve\"")]
    [InlineData("null", "expected integer, got null")]
    [InlineData("2147483648", "expected integer between -2147483648 and 2147483647, got 2147483648")]
    [InlineData("1e40", "expected integer between -2147483648 and 2147483647, got 1e40")]
    [InlineData("\"1,000\"", "expected integer, got \"1,000\"")]
    public void Int32_mismatches(string json, string message)
    {
        var (ok, _, errors, _) = ReaderHarness.Read<int>(json, JsonValueReaders.TryReadInt32);

        Assert.False(ok);
        ResultError error = Assert.Single(errors.Items);
        Assert.Equal(ResultErrorKind.TypeMismatch, error.Kind);
        Assert.Equal(message, error.Message);
    }

    [Theory]
    [InlineData("9223372036854775807", long.MaxValue)]
    [InlineData("\"-9223372036854775808\"", long.MinValue)]
    [InlineData("5000000000.0", 5_000_000_000)]
    public void Int64_values(string json, long expected)
    {
        var (ok, value, _, _) = ReaderHarness.Read<long>(json, JsonValueReaders.TryReadInt64);

        Assert.True(ok);
        Assert.Equal(expected, value);
    }

    [Fact]
    public void Int64_overflow_is_a_mismatch()
    {
        var (ok, _, errors, _) = ReaderHarness.Read<long>("9223372036854775808", JsonValueReaders.TryReadInt64);

        Assert.False(ok);
        Assert.StartsWith("expected integer between", Assert.Single(errors.Items).Message);
    }

    [Theory]
    [InlineData("3.5", 3.5)]
    [InlineData("\" 3.5 \"", 3.5)]
    [InlineData("-1e-3", -0.001)]
    [InlineData("7", 7.0)]
    public void Doubles(string json, double expected)
    {
        var (ok, value, _, _) = ReaderHarness.Read<double>(json, JsonValueReaders.TryReadDouble);

        Assert.True(ok);
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("\"NaN\"")]
    [InlineData("\"Infinity\"")]
    [InlineData("1e400")]
    [InlineData("\"3,5\"")]
    [InlineData("\"\"")]
    public void Doubles_must_be_finite_invariant_numbers(string json)
    {
        var (ok, _, errors, _) = ReaderHarness.Read<double>(json, JsonValueReaders.TryReadDouble);

        Assert.False(ok);
        Assert.StartsWith("expected number, got ", Assert.Single(errors.Items).Message);
    }

    [Fact]
    public void Singles_refuse_values_beyond_their_range()
    {
        Assert.True(ReaderHarness.Read<float>("\"2.5\"", JsonValueReaders.TryReadSingle).Ok);
        Assert.False(ReaderHarness.Read<float>("1e39", JsonValueReaders.TryReadSingle).Ok);
    }

    [Theory]
    [InlineData("19.999999999999999999", "19.999999999999999999")]
    [InlineData("\"0.1\"", "0.1")]
    [InlineData("1E2", "100")]
    public void Decimals_keep_every_digit(string json, string expected)
    {
        var (ok, value, _, _) = ReaderHarness.Read<decimal>(json, JsonValueReaders.TryReadDecimal);

        Assert.True(ok);
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), value);
    }

    [Fact]
    public void Date_time_offsets()
    {
        Assert.Equal(new DateTimeOffset(2024, 3, 5, 14, 30, 0, TimeSpan.FromHours(1)),
            ReaderHarness.Read<DateTimeOffset>("\"2024-03-05T14:30:00+01:00\"", JsonValueReaders.TryReadDateTimeOffset).Value);
        Assert.Equal(new DateTimeOffset(2024, 3, 5, 14, 30, 0, TimeSpan.Zero),
            ReaderHarness.Read<DateTimeOffset>("\"2024-03-05 14:30\"", JsonValueReaders.TryReadDateTimeOffset).Value);
        Assert.Equal("expected date-time as yyyy-MM-ddTHH:mm:ss with an offset (2025-04-07T14:30:00+02:00) or Z, got \"next Tuesday\"",
            Assert.Single(ReaderHarness.Read<DateTimeOffset>("\"next Tuesday\"", JsonValueReaders.TryReadDateTimeOffset).Errors.Items).Message);
    }

    [Fact]
    public void Date_times_keep_their_kind()
    {
        Assert.Equal(DateTimeKind.Utc, ReaderHarness.Read<DateTime>("\"2024-03-05T14:30:00Z\"", JsonValueReaders.TryReadDateTime).Value.Kind);
        Assert.Equal(DateTimeKind.Unspecified, ReaderHarness.Read<DateTime>("\"2024-03-05T14:30:00\"", JsonValueReaders.TryReadDateTime).Value.Kind);
    }

    [Theory]
    [InlineData("\"2024-03-05\"", true)]
    [InlineData("\" 2024-03-05 \"", true)]
    [InlineData("\"2024-02-30\"", false)]
    [InlineData("20240305", false)]
    public void Dates(string json, bool ok)
    {
        var read = ReaderHarness.Read<DateOnly>(json, JsonValueReaders.TryReadDateOnly);

        Assert.Equal(ok, read.Ok);
        if (ok)
        {
            Assert.Equal(new DateOnly(2024, 3, 5), read.Value);
        }
        else
        {
            Assert.StartsWith("expected date as yyyy-MM-dd (or with the month in words, 7 April 2025), got", Assert.Single(read.Errors.Items).Message);
        }
    }

    [Theory]
    [InlineData("\"14:30\"", 14, 30, 0)]
    [InlineData("\"14:30:15\"", 14, 30, 15)]
    [InlineData("\"2:30 PM\"", 14, 30, 0)]
    public void Times(string json, int hour, int minute, int second)
    {
        Assert.Equal(new TimeOnly(hour, minute, second), ReaderHarness.Read<TimeOnly>(json, JsonValueReaders.TryReadTimeOnly).Value);
    }

    [Theory]
    [InlineData("\"PT1H30M\"", 0, 1, 30, 0)]
    [InlineData("\"P2DT3H\"", 2, 3, 0, 0)]
    [InlineData("\"P1W\"", 7, 0, 0, 0)]
    [InlineData("\"PT0.5S\"", 0, 0, 0, 0.5)]
    [InlineData("\"01:30:00\"", 0, 1, 30, 0)]
    [InlineData("\"1.02:00:00\"", 1, 2, 0, 0)]
    public void Durations_in_iso_8601_or_dotnet_form(string json, int days, int hours, int minutes, double seconds)
    {
        var read = ReaderHarness.Read<TimeSpan>(json, JsonValueReaders.TryReadTimeSpan);

        Assert.True(read.Ok);
        Assert.Equal(new TimeSpan(days, hours, minutes, 0) + TimeSpan.FromSeconds(seconds), read.Value);
    }

    [Theory]
    [InlineData("\"P1M\"")]
    [InlineData("\"P1Y\"")]
    [InlineData("\"PT\"")]
    [InlineData("\"90 minutes\"")]
    [InlineData("90")]
    public void Durations_of_calendar_length_or_prose_are_refused(string json)
    {
        var read = ReaderHarness.Read<TimeSpan>(json, JsonValueReaders.TryReadTimeSpan);

        Assert.False(read.Ok);
        Assert.StartsWith("expected duration, got", Assert.Single(read.Errors.Items).Message);
    }

    [Fact]
    public void Guids_with_or_without_hyphens_and_braces()
    {
        var expected = Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e");
        Assert.Equal(expected, ReaderHarness.Read<Guid>("\"0f8fad5bd9cb469fa16570867728950e\"", JsonValueReaders.TryReadGuid).Value);
        Assert.Equal(expected, ReaderHarness.Read<Guid>("\"{0F8FAD5B-D9CB-469F-A165-70867728950E}\"", JsonValueReaders.TryReadGuid).Value);
        Assert.False(ReaderHarness.Read<Guid>("\"not-a-guid\"", JsonValueReaders.TryReadGuid).Ok);
    }

    [Fact]
    public void Uris_must_be_absolute()
    {
        Assert.Equal(new Uri("https://example.com/a?b=1"), ReaderHarness.Read<Uri>("\" https://example.com/a?b=1 \"", JsonValueReaders.TryReadUri).Value);
        var relative = ReaderHarness.Read<Uri>("\"see the docs\"", JsonValueReaders.TryReadUri);
        Assert.False(relative.Ok);
        Assert.Equal("expected absolute URI, got \"see the docs\"", Assert.Single(relative.Errors.Items).Message);
    }

    [Theory]
    [InlineData("\"short\"", "\"short\"")]
    [InlineData("12.50", "12.50")]
    [InlineData("null", "null")]
    [InlineData("true", "true")]
    [InlineData("{}", "an object")]
    [InlineData("[]", "an array")]
    [InlineData("\"say \\\"hi\\\"\\nthen go\"", "\"say \\\"hi\\\"\\nthen go\"")]
    [InlineData("\"0123456789012345678901234567890123456789-and-more\"", "\"0123456789012345678901234567890123456789…\"")]
    public void Describe_quotes_what_was_there(string json, string expected)
    {
        Utf8JsonReader reader = ReaderHarness.On(json);

        Assert.Equal(expected, JsonValueReaders.Describe(ref reader));
    }

    [Fact]
    public void Describe_never_cuts_an_emoji_in_half()
    {
        Utf8JsonReader reader = ReaderHarness.On("\"" + new string('x', 39) + "😀 tail\"");

        Assert.Equal("\"" + new string('x', 39) + "…\"", JsonValueReaders.Describe(ref reader));
    }
}
