using System;
using System.Threading.Tasks;
using PromptGen.Tool;

return await PromptGenCli.InvokeAsync(args, Console.Out, Console.Error);
