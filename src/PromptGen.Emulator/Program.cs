using System;
using System.IO;
using System.Runtime.InteropServices;
using System.Threading.Tasks;
using PromptGen.Emulator;
using PromptGen.Testing;

const int ExitUsage = 2;

EmulatorArguments? arguments = EmulatorArguments.TryParse(args, out string? problem);
if (arguments is null)
{
    await Console.Error.WriteLineAsync($"promptgen-emulator: {problem}");
    await Console.Error.WriteLineAsync(EmulatorArguments.Usage);
    return ExitUsage;
}

if (arguments.ShowHelp)
{
    Console.WriteLine(EmulatorArguments.Usage);
    return 0;
}

var options = new BedrockEmulatorOptions
{
    Port = arguments.Port,
    Http2Port = arguments.Http2Port,
    Region = arguments.Region,
    EnforceModelCapabilities = arguments.EnforceModelCapabilities,
    RequestCompleted = request => Console.WriteLine($"{request.Method} {request.RawPath} {request.ResponseStatus}"),
};
foreach (string token in arguments.BearerTokens)
{
    options.BearerTokens.Add(token);
}

var stopRequested = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
void Stop(PosixSignalContext context)
{
    // Shut down cleanly instead of letting the runtime kill the process mid-response.
    context.Cancel = true;
    stopRequested.TrySetResult();
}

using PosixSignalRegistration interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
using PosixSignalRegistration terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);

BedrockEmulator emulator;
try
{
    emulator = await BedrockEmulator.StartAsync(options);
}
catch (IOException exception)
{
    await Console.Error.WriteLineAsync($"promptgen-emulator: cannot listen on port {arguments.Port}: {exception.Message}");
    return 1;
}

await using (emulator)
{
    if (arguments.ScriptPath is not null)
    {
        try
        {
            emulator.Script.LoadFile(arguments.ScriptPath);
        }
        catch (EmulatorScriptException exception)
        {
            await Console.Error.WriteLineAsync($"promptgen-emulator: {exception.Message}");
            return ExitUsage;
        }
    }

    // Tools that launch the emulator wait for this line to learn the port, so it comes first and is flushed at once.
    Console.WriteLine($"Listening on {emulator.Endpoint.GetLeftPart(UriPartial.Authority)}");
    Console.WriteLine($"HTTP/2 (h2c, prior knowledge) on {emulator.Http2Endpoint.GetLeftPart(UriPartial.Authority)}");
    Console.Out.Flush();
    await stopRequested.Task;
}

return 0;
