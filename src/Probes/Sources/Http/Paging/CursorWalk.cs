using System.Text.Json;
using ContractKit.Contracts.Model.Datasets;

namespace ContractKit.Probes.Sources.Http.Paging;

/// <summary>The body names the next page's cursor (<c>next</c>); it goes back as <c>param</c>. Absent, null or empty: the last page.</summary>
internal sealed class CursorWalk(RequestTarget target, CursorPagination pagination) : PageWalk(target)
{
    public override Uri First => Target.With();

    public override int MaxPages => pagination.MaxPages;

    public override NextPage After(PageRead page) => pagination.Next.Select(page.Body) switch
    {
        null or { ValueKind: JsonValueKind.Null } => NextPage.Done,
        { ValueKind: JsonValueKind.String } cursor when cursor.GetString() is { Length: > 0 } text => new NextPage(Target.With((pagination.Param, text))),
        { ValueKind: JsonValueKind.String } => NextPage.Done,
        { ValueKind: JsonValueKind.Number } number => new NextPage(Target.With((pagination.Param, number.GetRawText()))),
        { } other => new NextPage(null, $"page {page.Number}: the next cursor at {pagination.Next} is {JsonKinds.Article(other.ValueKind)}, not a string or number; the walk stops here"),
    };
}
