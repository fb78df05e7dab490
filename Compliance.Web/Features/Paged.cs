namespace Compliance.Web.Features;

/// <summary>One page of a list, as every list endpoint and page returns it.</summary>
public sealed record Paged<T>(IReadOnlyList<T> Items, int PageNumber, int PageSize, int TotalCount)
{
    public int PageCount => Math.Max(1, (TotalCount + PageSize - 1) / PageSize);
}
