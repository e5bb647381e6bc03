using System;
using System.Collections.Generic;
using System.Text.Json.Serialization;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AspNetApi;

/// <summary>
/// The app: PromptGen registered with DI (options from the <c>"PromptGen"</c> section of the configuration), two
/// endpoints over a prompt interface, and Bedrock errors turned into problem details. Tests build it with
/// <see cref="Build"/> and run it on a real Kestrel port.
/// </summary>
public static class TicketApi
{
    /// <summary>The logging category of the endpoints.</summary>
    public const string LoggerCategory = "AspNetApi.Tickets";

    /// <summary>
    /// Builds the app from <paramref name="args"/> (command line, environment, appsettings.json as usual);
    /// <paramref name="configure"/> runs last, before the app is built (tests use it for credentials and logging).
    /// </summary>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        WebApplicationBuilder builder = WebApplication.CreateBuilder(args);

        // Region, endpoint, timeout, retries... from "PromptGen" in appsettings.json or PromptGen__* variables;
        // credentials from the AWS default chain (environment, profile, instance role) unless code sets them.
        builder.Services.AddPromptGen();
        builder.Services.AddPromptClient<ITicketPrompts>();

        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<BedrockProblemHandler>();
        builder.Services.ConfigureHttpJsonOptions(options => options.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));

        configure?.Invoke(builder);

        WebApplication app = builder.Build();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        MapTicketEndpoints(app);

        // The prompt playground (/playground): see each prompt rendered, run it, compare models. Development only;
        // it also answers only requests from this machine.
        if (app.Environment.IsDevelopment())
        {
            app.MapPromptPlayground(ITicketPrompts.Descriptors);
        }

        return app;
    }

    private static void MapTicketEndpoints(IEndpointRouteBuilder routes)
    {
        RouteGroupBuilder tickets = routes.MapGroup("/tickets");

        // A typed result: the model's JSON answer parsed into TicketTriage by generated code, sent back as JSON.
        tickets.MapPost("/triage", async Task<Results<Ok<TicketTriage>, ValidationProblem>> (
            Ticket ticket, ITicketPrompts prompts, ILoggerFactory loggers, CancellationToken cancellationToken) =>
        {
            if (Validate(ticket) is { } problem)
            {
                return problem;
            }

            // The request's abort token goes all the way to the Bedrock call: a client that hangs up stops it.
            TicketTriage triage = await prompts.TriageAsync(ticket, cancellationToken);
            TicketLog.Triaged(loggers.CreateLogger(LoggerCategory), triage.Team, triage.Urgency, triage.Confidence);
            return TypedResults.Ok(triage);
        });

        // A text result, sent as text/plain.
        tickets.MapPost("/summary", async Task<Results<ContentHttpResult, ValidationProblem>> (
            Ticket ticket, ITicketPrompts prompts, CancellationToken cancellationToken) =>
        {
            if (Validate(ticket) is { } problem)
            {
                return problem;
            }

            string summary = await prompts.SummarizeAsync(ticket, cancellationToken);
            return TypedResults.Text(summary, "text/plain; charset=utf-8");
        });
    }

    private static ValidationProblem? Validate(Ticket ticket)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(ticket.Title))
        {
            errors["title"] = ["A title is required."];
        }

        if (string.IsNullOrWhiteSpace(ticket.Body))
        {
            errors["body"] = ["A body is required."];
        }

        return errors.Count == 0 ? null : TypedResults.ValidationProblem(errors);
    }
}

internal static partial class TicketLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Ticket triaged to {Team} with {Urgency} urgency ({Confidence} confidence)")]
    public static partial void Triaged(ILogger logger, string team, Urgency urgency, double confidence);
}
