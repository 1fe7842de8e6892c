using ContractKit.Contracts.Model.Datasets;

namespace ContractKit.Probes.Sources.Http.Paging;

/// <summary>Pages by record offset, <c>limit</c> at a time; a page with fewer than <c>limit</c> records is the last.</summary>
internal sealed class OffsetWalk(RequestTarget target, OffsetPagination pagination) : PageWalk(target)
{
    private long _offset;

    public override Uri First => Page();

    public override int MaxPages => pagination.MaxPages;

    // A full last page looks like any other: the next one may be empty.
    public override bool NextIsCertain => false;

    public override NextPage After(PageRead page)
    {
        if (page.Records is not { } records || records < pagination.Limit)
        {
            return NextPage.Done;
        }

        _offset += records;
        return new NextPage(Page());
    }

    private Uri Page() => Target.With((pagination.Param, RequestTarget.Number(_offset)), (pagination.LimitParam, RequestTarget.Number(pagination.Limit)));
}
