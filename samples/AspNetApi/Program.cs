using AspNetApi;

await TicketApi.Build(args).RunAsync();
