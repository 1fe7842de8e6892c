using ContractKit.Probes.Results;
using WireMock.ResponseBuilders;
using static ContractKit.Probes.Tests.Sources.Http.HttpApi;

namespace ContractKit.Probes.Tests.Sources.Http;

/// <summary>Each pagination style walks every page, and no more than <c>maxPages</c>.</summary>
public class HttpPaginationTests
{
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    [Test]
    public async Task Cursor_pages_are_followed_until_the_cursor_is_null()
    {
        using var api = new HttpApi();
        api.Server.Given(Orders).AtPriority(10).RespondWith(Response.Create().WithBodyAsJson(Page(Recent(2, Minute, 1), next: "c2")));
        api.Server.Given(Orders.WithParam("cursor", "c2")).AtPriority(1).RespondWith(Response.Create().WithBodyAsJson(Page(Recent(2, Minute, 3), next: "c3")));
        api.Server.Given(Orders.WithParam("cursor", "c3")).AtPriority(1).RespondWith(Response.Create().WithBodyAsJson(Page(Recent(1, Minute, 5))));

        var observation = await api.ObserveAsync(api.Contract("pagination: { cursor: { param: cursor, next: $.next } }"));

        Assert.That(observation.Schema!.Value!.Checked, Is.EqualTo(5));
        Assert.That(observation.Requests!.Value!.Pages, Is.EqualTo(3));
        Assert.That(observation.Notes, Is.EqualTo(new[] { $"3 pages and 5 records read from GET {OrdersPath}; 3 requests, 0 retries" }));
        Assert.That(api.Received.Select(r => Param(r, "cursor")), Is.EqualTo(new[] { null, "c2", "c3" }));
    }

    [Test]
    public async Task An_empty_cursor_ends_the_walk_and_fixed_query_parameters_go_with_every_page()
    {
        using var api = new HttpApi();
        api.Server.Given(Orders).AtPriority(10).RespondWith(Response.Create().WithBodyAsJson(Page(Recent(1, Minute, 1), next: "c2")));
        api.Server.Given(Orders.WithParam("cursor", "c2")).AtPriority(1).RespondWith(Response.Create().WithBodyAsJson(Page(Recent(1, Minute, 2), next: "")));

        var observation = await api.ObserveAsync(api.Contract("""
            query: { status: paid, region: eu west }
                  pagination: { cursor: { param: cursor, next: $.next } }
            """));

        Assert.That(observation.Requests!.Value!.Pages, Is.EqualTo(2));
        Assert.That(api.Received.Select(r => r.RawQuery), Is.EqualTo(new[] { "?region=eu%20west&status=paid", "?region=eu%20west&status=paid&cursor=c2" }));
    }

    [Test]
    public async Task Link_header_pages_are_followed_absolute_or_relative()
    {
        using var api = new HttpApi();
        api.Server.Given(Orders).AtPriority(10).RespondWith(Response.Create().WithBodyAsJson(Page(Recent(2, Minute, 1)))
            .WithHeader("Link", $"<{api.Url}{OrdersPath}?page=2>; rel=\"next\", <{api.Url}{OrdersPath}?page=3>; rel=\"last\""));
        api.Server.Given(Orders.WithParam("page", "2")).AtPriority(1).RespondWith(Response.Create().WithBodyAsJson(Page(Recent(2, Minute, 3)))
            .WithHeader("Link", $"<{OrdersPath}?page=1>; rel=prev", $"<{OrdersPath}?page=3>; rel=\"last next\""));
        api.Server.Given(Orders.WithParam("page", "3")).AtPriority(1).RespondWith(Response.Create().WithBodyAsJson(Page(Recent(1, Minute, 5)))
            .WithHeader("Link", $"<{OrdersPath}?page=2>; rel=prev"));

        var observation = await api.ObserveAsync(api.Contract("pagination: { link: {} }"));

        Assert.That(observation.Schema!.Value!.Checked, Is.EqualTo(5));
        Assert.That(api.Received.Select(r => Param(r, "page")), Is.EqualTo(new[] { null, "2", "3" }));
    }

    [Test]
    public async Task A_Link_to_another_host_is_not_followed_and_says_so()
    {
        using var api = new HttpApi();
        api.Server.Given(Orders).RespondWith(Response.Create().WithBodyAsJson(Page(Recent(2, Minute)))
            .WithHeader("Link", "<https://elsewhere.example/v1/orders?page=2>; rel=next"));

        var report = await api.ProbeAsync(api.Contract("pagination: { link: { rel: next } }"));

        Assert.That(api.Received, Has.Count.EqualTo(1));
        var schema = Result(report, "schema");
        Assert.That(schema.Status, Is.EqualTo(CheckStatus.Warn));
        Assert.That(schema.Message, Is.EqualTo("page 1: the Link header's rel=\"next\" page is on another host; not followed, so the source's credentials go nowhere else"));
    }

    [Test]
    public async Task Numbered_pages_are_read_until_an_empty_page()
    {
        using var api = new HttpApi();
        api.Server.Given(Orders.WithParam("page", "1")).RespondWith(Response.Create().WithBodyAsJson(Page(Recent(2, Minute, 1))));
        api.Server.Given(Orders.WithParam("page", "2")).RespondWith(Response.Create().WithBodyAsJson(Page(Recent(1, Minute, 3))));
        api.Server.Given(Orders.WithParam("page", "3")).RespondWith(Response.Create().WithBodyAsJson(Page([])));

        var observation = await api.ObserveAsync(api.Contract("pagination: { page: { param: page, start: 1, sizeParam: per_page, size: 2 } }"));

        Assert.That(observation.Schema!.Value!.Checked, Is.EqualTo(3));
        Assert.That(api.Received.Select(r => $"{Param(r, "page")}/{Param(r, "per_page")}"), Is.EqualTo(new[] { "1/2", "2/2", "3/2" }));
    }

    [Test]
    public async Task Offset_pages_are_read_until_a_short_page()
    {
        using var api = new HttpApi();
        api.Server.Given(Orders.WithParam("offset", "0")).RespondWith(Response.Create().WithBodyAsJson(Page(Recent(2, Minute, 1))));
        api.Server.Given(Orders.WithParam("offset", "2")).RespondWith(Response.Create().WithBodyAsJson(Page(Recent(2, Minute, 3))));
        api.Server.Given(Orders.WithParam("offset", "4")).RespondWith(Response.Create().WithBodyAsJson(Page(Recent(1, Minute, 5))));

        var observation = await api.ObserveAsync(api.Contract("pagination: { offset: { param: offset, limitParam: limit, limit: 2 } }"));

        Assert.That(observation.Schema!.Value!.Checked, Is.EqualTo(5));
        Assert.That(api.Received.Select(r => $"{Param(r, "offset")}/{Param(r, "limit")}"), Is.EqualTo(new[] { "0/2", "2/2", "4/2" }));
    }

    [Test]
    public async Task MaxPages_bounds_the_walk_and_the_notes_say_more_pages_exist()
    {
        using var api = new HttpApi();
        api.Server.Given(Orders).RespondWith(Response.Create().WithBodyAsJson(Page(Recent(2, Minute), next: "again")));
        var yaml = api.Contract("pagination: { cursor: { param: cursor, next: $.next }, maxPages: 3 }");

        var observation = await api.ObserveAsync(yaml);
        var report = await api.ProbeAsync(yaml);

        Assert.That(api.Received, Has.Count.EqualTo(6), "3 pages per run, never more");
        Assert.That(observation.Notes, Has.Member("stopped after 3 pages; more exist"));
        Assert.That(Result(report, "schema").Status, Is.EqualTo(CheckStatus.Pass), "the bound is not a failure");
        Assert.That(Result(report, "duplicates:order_id").Status, Is.EqualTo(CheckStatus.Fail), "every page repeats the same orders");
    }

    [Test]
    public async Task A_bounded_numbered_walk_says_more_pages_may_exist()
    {
        using var api = new HttpApi();
        api.Server.Given(Orders).RespondWith(Response.Create().WithBodyAsJson(Page(Recent(1, Minute))));

        var observation = await api.ObserveAsync(api.Contract("pagination: { page: { param: page }, maxPages: 2 }"));

        Assert.That(api.Received, Has.Count.EqualTo(2));
        Assert.That(observation.Notes, Has.Member("stopped after 2 pages; more may exist"));
    }

    [Test]
    public async Task A_cursor_that_is_not_a_string_or_number_is_a_finding()
    {
        using var api = new HttpApi();
        api.Server.Given(Orders).RespondWith(Response.Create().WithBodyAsJson(new Dictionary<string, object> { ["data"] = Recent(1, Minute), ["next"] = new { token = "x" } }));

        var report = await api.ProbeAsync(api.Contract("pagination: { cursor: { param: cursor, next: $.next } }"));

        Assert.That(api.Received, Has.Count.EqualTo(1));
        Assert.That(Result(report, "schema").Status, Is.EqualTo(CheckStatus.Fail));
        Assert.That(Result(report, "schema").Message, Is.EqualTo("page 1: the next cursor at $.next is an object, not a string or number; the walk stops here"));
    }
}
