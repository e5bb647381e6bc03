using System;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using PromptGen.Bedrock.Errors;
using PromptGen.Tests.Bedrock.TestDoubles;
using Xunit;

namespace PromptGen.Tests.Bedrock;

/// <summary>Non-2xx responses become the exception type of their error code (wire spec §6).</summary>
public sealed class ErrorMappingTests
{
    private const string ModelId = "us.anthropic.claude-haiku-4-5-20251001-v1:0";

    public static TheoryData<string, int, Type, bool> ModelledErrors => new()
    {
        { "ValidationException", 400, typeof(BedrockValidationException), false },
        { "AccessDeniedException", 403, typeof(BedrockAccessDeniedException), false },
        { "ResourceNotFoundException", 404, typeof(BedrockResourceNotFoundException), false },
        { "ModelTimeoutException", 408, typeof(BedrockModelTimeoutException), false },
        { "ThrottlingException", 429, typeof(BedrockThrottlingException), true },
        { "ModelNotReadyException", 429, typeof(BedrockModelNotReadyException), true },
        { "ModelErrorException", 424, typeof(BedrockModelErrorException), false },
        { "ModelStreamErrorException", 424, typeof(BedrockModelStreamErrorException), false },
        { "ServiceQuotaExceededException", 400, typeof(BedrockServiceQuotaExceededException), false },
        { "ConflictException", 400, typeof(BedrockConflictException), false },
        { "InternalServerException", 500, typeof(BedrockInternalServerException), true },
        { "ServiceUnavailableException", 503, typeof(BedrockServiceUnavailableException), true },
    };

    [Theory]
    [MemberData(nameof(ModelledErrors))]
    public async Task Error_type_header_selects_the_exception(string code, int status, Type expectedType, bool retryable)
    {
        BedrockServiceException error = await ConverseExpectingError(CapturingHandler.Responding(
            (HttpStatusCode)status,
            """{"message":"something went wrong"}""",
            ("x-amzn-ErrorType", code + ":http://internal.amazon.com/coral/com.amazon.bedrock/"),
            ("x-amzn-RequestId", "req-" + code)));

        Assert.IsType(expectedType, error);
        Assert.Equal(code, error.ErrorCode);
        Assert.Equal((HttpStatusCode)status, error.StatusCode);
        Assert.Equal("req-" + code, error.RequestId);
        Assert.Equal("something went wrong", error.ServiceMessage);
        Assert.Equal(retryable, error.IsRetryable);
        Assert.Equal($"Bedrock returned {code} (HTTP {status}, request id req-{code}): something went wrong", error.Message);
    }

    [Theory]
    [MemberData(nameof(ModelledErrors))]
    public async Task Body_code_selects_the_exception_without_a_header(string code, int status, Type expectedType, bool retryable)
    {
        BedrockServiceException error = await ConverseExpectingError(CapturingHandler.Responding(
            (HttpStatusCode)status, $$"""{"code":"{{code}}","Message":"capitalized message member"}"""));

        Assert.IsType(expectedType, error);
        Assert.Equal("capitalized message member", error.ServiceMessage);
        Assert.Null(error.RequestId);
        Assert.Equal(retryable, error.IsRetryable);
    }

    [Fact]
    public async Task Header_wins_over_body_code_and_type()
    {
        BedrockServiceException error = await ConverseExpectingError(CapturingHandler.Responding(
            HttpStatusCode.TooManyRequests,
            """{"code":"ValidationException","__type":"com.amazon#AccessDeniedException","message":"slow down"}""",
            ("x-amzn-ErrorType", "ThrottlingException")));

        Assert.IsType<BedrockThrottlingException>(error);
    }

    [Fact]
    public async Task Body_code_wins_over_type()
    {
        BedrockServiceException error = await ConverseExpectingError(CapturingHandler.Responding(
            HttpStatusCode.BadRequest, """{"code":"ValidationException","__type":"com.amazon#ConflictException","message":"m"}"""));

        Assert.IsType<BedrockValidationException>(error);
    }

    [Fact]
    public async Task Type_with_a_namespace_keeps_the_part_after_the_hash()
    {
        BedrockServiceException error = await ConverseExpectingError(CapturingHandler.Responding(
            HttpStatusCode.NotFound, """{"__type":"com.amazon.bedrock.runtime#ResourceNotFoundException","message":"no such model"}"""));

        Assert.IsType<BedrockResourceNotFoundException>(error);
        Assert.Equal("ResourceNotFoundException", error.ErrorCode);
    }

    [Theory]
    [InlineData("ThrottlingException:http://internal.amazon.com/coral/com.amazon.bedrock/", "ThrottlingException")]
    [InlineData("ThrottlingException,SomethingElse", "ThrottlingException")]
    [InlineData("aws.protocols#ThrottlingException:http://x,y", "ThrottlingException")]
    [InlineData(" ThrottlingException ", "ThrottlingException")]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void Error_codes_are_sanitized(string? raw, string? expected)
    {
        Assert.Equal(expected, BedrockErrorResponse.SanitizeErrorCode(raw));
    }

    [Fact]
    public async Task Model_error_carries_its_extra_members()
    {
        var error = Assert.IsType<BedrockModelErrorException>(await ConverseExpectingError(CapturingHandler.Responding(
            HttpStatusCode.FailedDependency,
            """{"message":"model failed","originalStatusCode":502,"resourceName":"arn:aws:sagemaker:us-east-1:1:endpoint/x"}""",
            ("x-amzn-ErrorType", "ModelErrorException"))));

        Assert.Equal(502, error.OriginalStatusCode);
        Assert.Equal("arn:aws:sagemaker:us-east-1:1:endpoint/x", error.ResourceName);
    }

    [Fact]
    public async Task Model_stream_error_carries_its_extra_members()
    {
        var error = Assert.IsType<BedrockModelStreamErrorException>(await ConverseExpectingError(CapturingHandler.Responding(
            HttpStatusCode.FailedDependency,
            """{"message":"stream failed","originalStatusCode":500,"originalMessage":"upstream said no"}""",
            ("x-amzn-ErrorType", "ModelStreamErrorException"))));

        Assert.Equal(500, error.OriginalStatusCode);
        Assert.Equal("upstream said no", error.OriginalMessage);
    }

    [Fact]
    public async Task Unknown_code_is_the_base_type_with_that_code()
    {
        BedrockServiceException error = await ConverseExpectingError(CapturingHandler.Responding(
            HttpStatusCode.BadRequest, """{"message":"new kind of error"}""", ("x-amzn-ErrorType", "BrandNewException")));

        Assert.Equal(typeof(BedrockServiceException), error.GetType());
        Assert.Equal("BrandNewException", error.ErrorCode);
        Assert.False(error.IsRetryable);
    }

    [Fact]
    public async Task Unknown_code_with_a_transient_status_is_retryable()
    {
        BedrockServiceException error = await ConverseExpectingError(CapturingHandler.Responding(
            HttpStatusCode.GatewayTimeout, """{"message":"gateway timeout"}""", ("x-amzn-ErrorType", "SomeGatewayError")));

        Assert.Equal(typeof(BedrockServiceException), error.GetType());
        Assert.True(error.IsRetryable);
    }

    [Fact]
    public async Task Html_error_page_gives_status_and_a_truncated_snippet()
    {
        string html = "<html><head><title>502 Bad Gateway</title></head>\n<body>\n<center><h1>502 Bad Gateway</h1></center>" + new string('x', 5000) + "</body></html>";
        var handler = new CapturingHandler((_, _) => Task.FromResult(new HttpResponseMessage(HttpStatusCode.BadGateway)
        {
            ReasonPhrase = "Bad Gateway",
            Content = new StringContent(html, System.Text.Encoding.UTF8, "text/html"),
        }));

        BedrockServiceException error = await ConverseExpectingError(handler);

        Assert.Equal(typeof(BedrockServiceException), error.GetType());
        Assert.Equal(BedrockServiceException.UnknownErrorCode, error.ErrorCode);
        Assert.Equal(HttpStatusCode.BadGateway, error.StatusCode);
        Assert.True(error.IsRetryable);
        Assert.StartsWith("The error response was not JSON (HTTP reason: Bad Gateway): <html><head><title>502 Bad Gateway</title></head> <body> <center>", error.ServiceMessage);
        Assert.EndsWith("…", error.ServiceMessage);
        Assert.True(error.ServiceMessage.Length < 300, "the snippet must be truncated");
    }

    [Fact]
    public async Task Empty_error_body_still_gives_a_typed_exception()
    {
        var handler = new CapturingHandler((_, _) => Task.FromResult(new HttpResponseMessage(HttpStatusCode.ServiceUnavailable) { ReasonPhrase = "Service Unavailable" }));

        BedrockServiceException error = await ConverseExpectingError(handler);

        Assert.Equal(BedrockServiceException.UnknownErrorCode, error.ErrorCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, error.StatusCode);
        Assert.Equal("The error response had an empty body (HTTP reason: Service Unavailable).", error.ServiceMessage);
    }

    [Fact]
    public async Task Empty_body_with_an_error_type_header_is_still_modelled()
    {
        var handler = new CapturingHandler((_, _) =>
        {
            var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
            response.Headers.TryAddWithoutValidation("x-amzn-ErrorType", "ThrottlingException");
            return Task.FromResult(response);
        });

        Assert.IsType<BedrockThrottlingException>(await ConverseExpectingError(handler));
    }

    [Fact]
    public async Task Json_without_a_message_says_so()
    {
        BedrockServiceException error = await ConverseExpectingError(CapturingHandler.Responding(
            HttpStatusCode.BadRequest, """{"code":"ValidationException"}"""));

        Assert.Equal("(the error response has no message)", error.ServiceMessage);
    }

    [Theory]
    [InlineData("UnrecognizedClientException", "access key id")]
    [InlineData("InvalidSignatureException", "clock")]
    [InlineData("ExpiredTokenException", "aws sso login")]
    [InlineData("MissingAuthenticationTokenException", "endpoint")]
    [InlineData("IncompleteSignatureException", "clock")]
    public async Task Authentication_errors_hint_at_credentials_and_clock(string code, string hint)
    {
        BedrockServiceException error = await ConverseExpectingError(CapturingHandler.Responding(
            HttpStatusCode.Forbidden, """{"message":"The security token included in the request is invalid."}""",
            ("x-amzn-ErrorType", code), ("x-amzn-RequestId", "req-auth")));

        var authentication = Assert.IsType<BedrockAuthenticationException>(error);
        Assert.Equal(code, authentication.ErrorCode);
        Assert.Equal(HttpStatusCode.Forbidden, authentication.StatusCode);
        Assert.Equal("req-auth", authentication.RequestId);
        Assert.False(authentication.IsRetryable);
        Assert.Contains(hint, authentication.Message, StringComparison.Ordinal);
        Assert.StartsWith($"Bedrock returned {code} (HTTP 403, request id req-auth): The security token included in the request is invalid. ", authentication.Message);
    }

    private static async Task<BedrockServiceException> ConverseExpectingError(CapturingHandler handler)
    {
        // One attempt: these tests are about mapping a response; retries are covered in Reliability/.
        BedrockOptions options = TestClients.SigV4Options();
        options.Retry.MaxAttempts = 1;
        using BedrockRuntimeClient client = TestClients.Create(options, handler);
        return await Assert.ThrowsAnyAsync<BedrockServiceException>(() => client.ConverseAsync(ModelId, TestClients.HiRequest()));
    }
}
