using System;
using PromptGen.Tool;

return await PromptGenCli.InvokeAsync(args, Console.Out, Console.Error);
