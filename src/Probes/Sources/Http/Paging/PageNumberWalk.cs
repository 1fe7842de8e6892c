using ContractKit.Contracts.Model.Datasets;

namespace ContractKit.Probes.Sources.Http.Paging;

/// <summary>Numbered pages from <c>start</c>, with an optional page size; an empty page ends the walk.</summary>
internal sealed class PageNumberWalk(RequestTarget target, PageNumberPagination pagination) : PageWalk(target)
{
    public override Uri First => Page(pagination.Start);

    public override int MaxPages => pagination.MaxPages;

    // A server may cap the page size below the one asked for, so only an empty page proves the end.
    public override bool NextIsCertain => false;

    public override NextPage After(PageRead page) =>
        page.Records is null or 0 ? NextPage.Done : new NextPage(Page(pagination.Start + page.Number));

    private Uri Page(long number) => pagination is { SizeParam: { } sizeParam, Size: { } size }
        ? Target.With((pagination.Param, RequestTarget.Number(number)), (sizeParam, RequestTarget.Number(size)))
        : Target.With((pagination.Param, RequestTarget.Number(number)));
}
