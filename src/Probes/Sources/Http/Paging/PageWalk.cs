using System.Collections.Immutable;
using System.Text.Json;
using ContractKit.Contracts.Model.Datasets;

namespace ContractKit.Probes.Sources.Http.Paging;

/// <summary>A page that was read, with what a walk needs to find the next one.</summary>
/// <param name="Number">1 for the first page read.</param>
/// <param name="Uri">The URL it was read from.</param>
/// <param name="Links">The values of its <c>Link</c> headers.</param>
/// <param name="Body">Its parsed body.</param>
/// <param name="Records">How many records it held; null when the records location held no array.</param>
internal sealed record PageRead(int Number, Uri Uri, ImmutableArray<string> Links, JsonElement Body, int? Records);

/// <summary>Where the walk goes after a page.</summary>
/// <param name="Uri">The next page's URL; null when the walk is complete.</param>
/// <param name="Problem">Why the walk stops early, when it does (the next cursor is not a string).</param>
/// <param name="Breaking">True when the problem breaks the endpoint's paging promise.</param>
internal sealed record NextPage(Uri? Uri, string? Problem = null, bool Breaking = true)
{
    /// <summary>The walk is complete.</summary>
    public static NextPage Done { get; } = new((Uri?)null);
}

/// <summary>
/// Walks an endpoint's pages in the style its contract names. One walk per dataset per run; a walk
/// may keep state (the offset so far). The caller bounds it with <c>maxPages</c>.
/// </summary>
internal abstract class PageWalk(RequestTarget target)
{
    /// <summary>The endpoint.</summary>
    protected RequestTarget Target { get; } = target;

    /// <summary>The first page's URL.</summary>
    public abstract Uri First { get; }

    /// <summary>
    /// True when a next page from <see cref="After"/> surely exists (a cursor, a link); false when
    /// the walk only guesses (the next page number may be empty).
    /// </summary>
    public virtual bool NextIsCertain => true;

    /// <summary>Most pages the walk reads: the contract's <c>maxPages</c>, or 1 for an endpoint that does not page.</summary>
    public abstract int MaxPages { get; }

    /// <summary>The page after <paramref name="page"/>.</summary>
    public abstract NextPage After(PageRead page);

    /// <summary>The walk for a dataset's pagination (a single page when it has none).</summary>
    public static PageWalk For(RequestTarget target, Pagination? pagination) => pagination switch
    {
        CursorPagination cursor => new CursorWalk(target, cursor),
        LinkHeaderPagination link => new LinkHeaderWalk(target, link),
        PageNumberPagination number => new PageNumberWalk(target, number),
        OffsetPagination offset => new OffsetWalk(target, offset),
        null => new SinglePage(target),
        _ => throw new ProbeConfigurationException($"{pagination.GetType().Name} pagination is not supported by the HTTP probe"),
    };

    private sealed class SinglePage(RequestTarget target) : PageWalk(target)
    {
        public override Uri First => Target.With();

        public override int MaxPages => 1;

        public override NextPage After(PageRead page) => NextPage.Done;
    }
}
