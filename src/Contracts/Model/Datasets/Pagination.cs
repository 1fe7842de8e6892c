using ContractKit.Contracts.Values;

namespace ContractKit.Contracts.Model.Datasets;

/// <summary>How an HTTP endpoint pages through its records. One subtype per style.</summary>
/// <param name="MaxPages">Most pages a probe follows in one run.</param>
public abstract record Pagination(int MaxPages)
{
    /// <summary>Default bound on pages followed.</summary>
    public const int DefaultMaxPages = 20;
}

/// <summary>The body names the next page's cursor; it goes back as a query parameter.</summary>
/// <param name="Param">The query parameter that carries the cursor.</param>
/// <param name="Next">Where the next cursor is in the body; absent or null on the last page.</param>
/// <param name="MaxPages">Most pages followed.</param>
public sealed record CursorPagination(string Param, JsonPath Next, int MaxPages) : Pagination(MaxPages);

/// <summary>The next page's URL is in the <c>Link</c> header (RFC 8288).</summary>
/// <param name="Rel">The relation that names the next page.</param>
/// <param name="MaxPages">Most pages followed.</param>
public sealed record LinkHeaderPagination(string Rel, int MaxPages) : Pagination(MaxPages);

/// <summary>Pages are numbered.</summary>
/// <param name="Param">The page-number query parameter.</param>
/// <param name="Start">The first page's number.</param>
/// <param name="SizeParam">The page-size query parameter, if any.</param>
/// <param name="Size">The page size to ask for.</param>
/// <param name="MaxPages">Most pages followed.</param>
public sealed record PageNumberPagination(string Param, int Start, string? SizeParam, int? Size, int MaxPages) : Pagination(MaxPages);

/// <summary>Pages are addressed by record offset.</summary>
/// <param name="Param">The offset query parameter.</param>
/// <param name="LimitParam">The page-size query parameter.</param>
/// <param name="Limit">The page size.</param>
/// <param name="MaxPages">Most pages followed.</param>
public sealed record OffsetPagination(string Param, string LimitParam, int Limit, int MaxPages) : Pagination(MaxPages);
