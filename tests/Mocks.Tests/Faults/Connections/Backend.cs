using System.Net;
using System.Text;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Settings;

namespace ContractKit.Mocks.Tests.Faults.Connections;

/// <summary>A real WireMock.Net server behind the proxy: a data page, a 1 MB body, an upload sink.</summary>
internal sealed class Backend : IDisposable
{
    public const string PagePath = "/orders";
    public const string BigPath = "/big";
    public const string UploadPath = "/upload";
    public const string EmptyPath = "/empty";

    public Backend()
    {
        Server = WireMockServer.Start(new WireMockServerSettings { MaxRequestLogCount = 200 });
        Server.Given(Request.Create().WithPath(PagePath).UsingMethod("GET", "HEAD"))
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody(Page));
        Server.Given(Request.Create().WithPath(BigPath).UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/octet-stream").WithBody(Big));
        Server.Given(Request.Create().WithPath(UploadPath).UsingPost())
            .RespondWith(Response.Create().WithStatusCode(201).WithBody("stored"));
        Server.Given(Request.Create().WithPath(EmptyPath).UsingGet())
            .RespondWith(Response.Create().WithStatusCode(204));
    }

    /// <summary>About 12 KB of JSON: a page of 50 orders.</summary>
    public static string Page { get; } = "{\"orders\":[" + string.Join(',', Enumerable.Range(1, 50).Select(i =>
        $"{{\"id\":\"order-{i:D5}\",\"customer\":\"customer-{i % 7}\",\"status\":\"shipped\",\"amount\":{i * 13.5m},"
        + $"\"createdAt\":\"2026-03-01T10:{i % 60:D2}:00Z\",\"note\":\"{new string('x', 120)}\"}}")) + "],\"next\":null}";

    /// <summary>1 MiB of bytes with a pattern, so that a shifted or dropped byte shows.</summary>
    public static byte[] Big { get; } = Enumerable.Range(0, 1 << 20).Select(i => (byte)(i * 31 % 251)).ToArray();

    public static int PageBytes => Encoding.UTF8.GetByteCount(Page);

    public WireMockServer Server { get; }

    public IPEndPoint EndPoint => new(IPAddress.Loopback, Server.Port);

    public void Dispose() => Server.Dispose();
}
