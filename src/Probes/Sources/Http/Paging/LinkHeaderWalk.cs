using ContractKit.Contracts.Model.Datasets;

namespace ContractKit.Probes.Sources.Http.Paging;

/// <summary>
/// The next page's URL is the <c>Link</c> header's target with relation <c>rel</c> (RFC 8288),
/// relative to the page it came with. A link to another origin is not followed: the source's
/// credentials go only to the source.
/// </summary>
internal sealed class LinkHeaderWalk(RequestTarget target, LinkHeaderPagination pagination) : PageWalk(target)
{
    public override Uri First => Target.With();

    public override int MaxPages => pagination.MaxPages;

    public override NextPage After(PageRead page)
    {
        if (LinkHeader.Find(page.Links, pagination.Rel) is not { } link)
        {
            return NextPage.Done;
        }

        if (!Uri.TryCreate(page.Uri, link, out var next) || next.Scheme is not ("http" or "https"))
        {
            return new NextPage(null, $"page {page.Number}: the Link header's rel=\"{pagination.Rel}\" target is not an http(s) URL; the walk stops here");
        }

        return Target.SameOrigin(next)
            ? new NextPage(next)
            : new NextPage(null, $"page {page.Number}: the Link header's rel=\"{pagination.Rel}\" page is on another host; not followed, so the source's credentials go nowhere else", Breaking: false);
    }
}
