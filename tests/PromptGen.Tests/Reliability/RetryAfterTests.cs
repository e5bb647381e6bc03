using System;
using System.Net;
using System.Threading.Tasks;
using PromptGen.Bedrock;
using PromptGen.Bedrock.Retries;
using PromptGen.Tests.Bedrock.TestDoubles;
using Xunit;
using static PromptGen.Tests.Reliability.RetryTestClients;

namespace PromptGen.Tests.Reliability;

/// <summary>
/// <c>Retry-After</c> over every kind of value a server may send: what the client waits, or that it raises the error
/// at once with the wait it was asked for. The clock is a fake one starting at 2025-01-15 12:00:00 UTC.
/// </summary>
public sealed class RetryAfterTests
{
    private const long Ignored = -1;
    private const long RaisedAtOnce = -2;

    /// <summary>Header value; the wait before the retry in ms (or <see cref="Ignored"/>: the jittered back-off, 1 s here;
    /// or <see cref="RaisedAtOnce"/>); the RetryAfter the error carries, in ticks (long.MaxValue: TimeSpan.MaxValue).</summary>
    public static TheoryData<string, long, long?> EdgeValues => new()
    {
        // Seconds.
        { "0", 0, null },
        { "7", 7_000, null },
        { " 7 ", 7_000, null },
        { "007", 7_000, null },
        { "20", 20_000, null },                                   // MaxDelay itself is waited for
        { "1.5", 1_500, null },                                   // fractions: not HTTP, but proxies send them
        { "0.001", 1, null },
        { "21", RaisedAtOnce, TimeSpan.FromSeconds(21).Ticks },  // longer than MaxDelay (20 s)
        { "86400", RaisedAtOnce, TimeSpan.FromDays(1).Ticks },
        { "86400.5", RaisedAtOnce, TimeSpan.FromSeconds(86_400.5).Ticks },
        { "2147483647", RaisedAtOnce, TimeSpan.FromSeconds(int.MaxValue).Ticks },
        { "2147483648", RaisedAtOnce, TimeSpan.FromSeconds(2_147_483_648L).Ticks },  // past int: was ignored
        { "4294967296", RaisedAtOnce, TimeSpan.FromSeconds(4_294_967_296L).Ticks },
        { "922337203685", RaisedAtOnce, TimeSpan.FromSeconds(922_337_203_685L).Ticks },
        { "922337203686", RaisedAtOnce, long.MaxValue },           // past TimeSpan: saturates
        { "99999999999999999999999999999999999999", RaisedAtOnce, long.MaxValue },
        { "1" + new string('0', 400), RaisedAtOnce, long.MaxValue }, // beyond double's range
        // Not a wait: ignored, the usual back-off applies.
        { "-1", Ignored, null },
        { "-2147483649", Ignored, null },
        { "-0", Ignored, null },
        { "+5", Ignored, null },
        { "1e3", Ignored, null },
        { ".5", Ignored, null },
        { "1.2.3", Ignored, null },
        { "Infinity", Ignored, null },
        { "NaN", Ignored, null },
        { "soon", Ignored, null },
        { "", Ignored, null },
        { "12 seconds", Ignored, null },
        // HTTP dates, in the three forms HTTP allows.
        { "Wed, 15 Jan 2025 12:00:12 GMT", 12_000, null },
        { "Wednesday, 15-Jan-25 12:00:12 GMT", 12_000, null },
        { "Wed Jan 15 12:00:12 2025", 12_000, null },
        { "Wed, 15 Jan 2025 11:59:00 GMT", 0, null },              // in the past: no wait
        { "Mon, 01 Jan 0001 00:00:00 GMT", 0, null },
        { "Wed, 15 Jan 2025 12:00:21 GMT", RaisedAtOnce, TimeSpan.FromSeconds(21).Ticks },
        { "Fri, 31 Dec 9999 23:59:59 GMT", RaisedAtOnce, (new DateTimeOffset(9999, 12, 31, 23, 59, 59, TimeSpan.Zero) - TestClients.VectorTime).Ticks },
        { "Wed, 32 Jan 2025 12:00:12 GMT", Ignored, null },
    };

    [Theory]
    [MemberData(nameof(EdgeValues))]
    public async Task Every_value_is_waited_for_raised_at_once_or_ignored(string header, long waitMs, long? retryAfterTicks)
    {
        var clock = new StepClock();
        CapturingHandler handler = Sequence(() => Error((HttpStatusCode)429, "ThrottlingException", retryAfter: header), Ok);
        using BedrockRuntimeClient client = TestClients.Create(Options(clock), handler);

        Task<ConverseResponse> call = client.ConverseAsync(ModelId, TestClients.HiRequest());

        if (waitMs == RaisedAtOnce)
        {
            var error = await Assert.ThrowsAsync<BedrockThrottlingException>(() => call.WaitAsync(TimeSpan.FromSeconds(10)));
            Assert.Single(handler.Requests);
            Assert.Equal(1, error.Attempts);
            Assert.Equal(retryAfterTicks == long.MaxValue ? TimeSpan.MaxValue : TimeSpan.FromTicks(retryAfterTicks!.Value), error.RetryAfter);
            return;
        }

        if (waitMs != 0)
        {
            TimeSpan wait = await clock.FireNextTimerAsync();
            Assert.Equal(waitMs == Ignored ? TimeSpan.FromSeconds(1) : TimeSpan.FromMilliseconds(waitMs), wait);
        }

        await call.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(2, handler.Requests.Count);
    }

    [Fact]
    public async Task A_wait_longer_than_a_timer_takes_is_raised_at_once_even_when_max_delay_allows_it()
    {
        // 60 days: MaxDelay allows it, but no timer waits past 49.7 days; before, the back-off threw ArgumentOutOfRangeException.
        var clock = new StepClock();
        BedrockOptions options = Options(clock);
        options.Retry.MaxDelay = TimeSpan.MaxValue;
        CapturingHandler handler = Sequence(() => Error((HttpStatusCode)429, "ThrottlingException", retryAfter: "5184000"), Ok);
        using BedrockRuntimeClient client = TestClients.Create(options, handler);

        var error = await Assert.ThrowsAsync<BedrockThrottlingException>(() => client.ConverseAsync(ModelId, TestClients.HiRequest()));

        Assert.Single(handler.Requests);
        Assert.Equal(TimeSpan.FromDays(60), error.RetryAfter);
    }

    [Fact]
    public async Task A_back_off_past_what_a_timer_takes_is_cut_to_the_longest_wait()
    {
        var clock = new StepClock();
        BedrockOptions options = Options(clock);
        options.Retry.MaxDelay = TimeSpan.MaxValue;
        options.Retry.BaseDelay = TimeSpan.FromDays(365);
        CapturingHandler handler = Sequence(() => Error((HttpStatusCode)429, "ThrottlingException"), Ok);
        using BedrockRuntimeClient client = TestClients.Create(options, handler);

        Task<ConverseResponse> call = client.ConverseAsync(ModelId, TestClients.HiRequest());
        TimeSpan wait = await clock.FireNextTimerAsync();
        await call.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(BedrockCallPipeline.LongestWait, wait);
    }

    [Fact]
    public async Task The_first_value_that_reads_as_a_wait_counts_when_the_header_comes_twice()
    {
        var clock = new StepClock();
        CapturingHandler handler = Sequence(
            () =>
            {
                var response = Error((HttpStatusCode)429, "ThrottlingException", retryAfter: "soon");
                response.Headers.TryAddWithoutValidation("Retry-After", "3");
                return response;
            },
            Ok);
        using BedrockRuntimeClient client = TestClients.Create(Options(clock), handler);

        Task<ConverseResponse> call = client.ConverseAsync(ModelId, TestClients.HiRequest());
        TimeSpan wait = await clock.FireNextTimerAsync();
        await call.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(TimeSpan.FromSeconds(3), wait);
    }

    [Theory]
    [InlineData("5", 5.0)]
    [InlineData("-5", null)]
    [InlineData("\t5\t", 5.0)]
    [InlineData("5.", 5.0)]
    [InlineData("٥", null)] // an Arabic-Indic digit: not an ASCII digit
    public void Parse_reads_only_plain_decimal_seconds(string value, double? seconds)
    {
        TimeSpan? wait = RetryAfterHeader.Parse(value, TestClients.VectorTime);

        Assert.Equal(seconds is null ? null : TimeSpan.FromSeconds(seconds.Value), wait);
    }
}
