using System;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace PromptGen.Tests.Bedrock.TestDoubles;

/// <summary>
/// A one-request HTTP/1.1 server on 127.0.0.1 that records the raw request line, headers and body exactly as
/// the real socket handler sent them. Bounded: it serves one connection and gives up after a few seconds.
/// </summary>
internal sealed class LoopbackHttpServer : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly string _responseBody;

    public LoopbackHttpServer(string responseBody)
    {
        _responseBody = responseBody;
        _listener.Start();
        Received = ServeOneAsync();
    }

    public Uri Endpoint => new($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}");

    public Task<RawRequest> Received { get; }

    public void Dispose() => _listener.Stop();

    private async Task<RawRequest> ServeOneAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        using TcpClient connection = await _listener.AcceptTcpClientAsync(timeout.Token);
        NetworkStream stream = connection.GetStream();

        var head = new MemoryStream();
        var buffer = new byte[1];
        while (!EndsWithBlankLine(head))
        {
            if (await stream.ReadAsync(buffer, timeout.Token) == 0)
            {
                throw new IOException("The client closed the connection before the end of the headers.");
            }

            head.WriteByte(buffer[0]);
        }

        string[] lines = Encoding.ASCII.GetString(head.ToArray()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (int i = 1; i < lines.Length; i++)
        {
            int colon = lines[i].IndexOf(':');
            headers[lines[i][..colon].Trim()] = lines[i][(colon + 1)..].Trim();
        }

        byte[] body = new byte[int.Parse(headers["Content-Length"])];
        await stream.ReadExactlyAsync(body, timeout.Token);

        byte[] payload = Encoding.UTF8.GetBytes(_responseBody);
        string responseHead = $"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {payload.Length}\r\nx-amzn-RequestId: loopback-1\r\nConnection: close\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(responseHead), timeout.Token);
        await stream.WriteAsync(payload, timeout.Token);

        string[] requestLine = lines[0].Split(' ');
        return new RawRequest(requestLine[0], requestLine[1], headers, body);
    }

    private static bool EndsWithBlankLine(MemoryStream head)
    {
        if (head.Length < 4)
        {
            return false;
        }

        byte[] bytes = head.GetBuffer();
        long n = head.Length;
        return bytes[n - 4] == '\r' && bytes[n - 3] == '\n' && bytes[n - 2] == '\r' && bytes[n - 1] == '\n';
    }
}

internal sealed record RawRequest(string Method, string Target, IReadOnlyDictionary<string, string> Headers, byte[] Body);
