using ContractKit.Probes.Sources.Http.Paging;

namespace ContractKit.Probes.Tests.Sources.Http;

/// <summary>RFC 8288 Link headers, as APIs write them.</summary>
public class LinkHeaderTests
{
    [TestCase("<https://api.example/o?page=2>; rel=\"next\"", "next", "https://api.example/o?page=2")]
    [TestCase("<https://api.example/o?page=1>; rel=\"prev\", <https://api.example/o?page=3>; rel=\"next\"", "next", "https://api.example/o?page=3")]
    [TestCase("</o?page=3>; rel=\"last next\"", "next", "/o?page=3")]
    [TestCase("</o?page=3>; REL=Next", "next", "/o?page=3")]
    [TestCase("</o?a=1,2;b>; title=\"x, y; rel=next\"; rel=prev, </o?page=9>; rel=next", "next", "/o?page=9")]
    [TestCase("</o?page=2>; rel=next; rel=prev", "prev", null)]
    [TestCase("</o?page=2>; title=\"say \\\"next\\\"\"; rel=next", "next", "/o?page=2")]
    [TestCase("</o?page=2>;rel=next", "next", "/o?page=2")]
    [TestCase("</o?page=2>; rel=prev", "next", null)]
    [TestCase("</o?page=2", "next", null)]
    [TestCase("", "next", null)]
    [TestCase("garbage; rel=next", "next", null)]
    public void Finds_the_target_of_the_first_link_with_the_relation(string header, string rel, string? expected) =>
        Assert.That(LinkHeader.Find([header], rel), Is.EqualTo(expected));

    [Test]
    public void Several_Link_headers_are_read_in_order() =>
        Assert.That(LinkHeader.Find(["</a>; rel=prev", "</b>; rel=next", "</c>; rel=next"], "next"), Is.EqualTo("/b"));
}
