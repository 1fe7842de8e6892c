using ContractKit.Probes.Sources.Http.Paging;

namespace ContractKit.Probes.Tests.Sources.Http;

/// <summary>How the base URL, the dataset's path and the query parameters join.</summary>
public class RequestTargetTests
{
    [TestCase("http://api.example", "/v1/orders", "http://api.example/v1/orders")]
    [TestCase("http://api.example/", "v1/orders", "http://api.example/v1/orders")]
    [TestCase("http://api.example/shop/", "/v1/orders", "http://api.example/shop/v1/orders")]
    [TestCase("http://api.example/shop?tenant=a", "/v1/orders", "http://api.example/shop/v1/orders?tenant=a")]
    [TestCase("http://api.example:8080", "/v1/orders?status=paid", "http://api.example:8080/v1/orders?status=paid")]
    public void Joins_base_url_and_path(string baseUrl, string path, string expected) =>
        Assert.That(new RequestTarget(new Uri(baseUrl), path, []).With().AbsoluteUri, Is.EqualTo(expected));

    [Test]
    public void Fixed_parameters_are_sorted_escaped_and_replaced_by_paging_parameters_of_the_same_name()
    {
        var target = new RequestTarget(new Uri("http://api.example"), "/o", new Dictionary<string, string> { ["region"] = "eu west", ["limit"] = "10", ["a&b"] = "c=d" });

        Assert.That(target.With().Query, Is.EqualTo("?a%26b=c%3Dd&limit=10&region=eu%20west"));
        Assert.That(target.With(("limit", "2"), ("offset", "4")).Query, Is.EqualTo("?a%26b=c%3Dd&region=eu%20west&limit=2&offset=4"));
    }

    [TestCase("http://api.example/o?page=2", true)]
    [TestCase("HTTP://API.EXAMPLE:80/other", true)]
    [TestCase("https://api.example/o", false)]
    [TestCase("http://api.example:8080/o", false)]
    [TestCase("http://evil.example/o", false)]
    public void Knows_its_origin(string url, bool same) =>
        Assert.That(new RequestTarget(new Uri("http://api.example"), "/o", []).SameOrigin(new Uri(url)), Is.EqualTo(same));
}
