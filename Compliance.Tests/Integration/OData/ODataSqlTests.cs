using Compliance.Tests.Fixtures;
using Compliance.Web.Infrastructure.Persistence;
using Compliance.Web.Infrastructure.Tenancy;
using Compliance.Web.OData;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Compliance.Tests.Integration.OData;

/// <summary>The database does the work: the SQL that a request becomes filters, sorts, pages and projects, under the tenant filter.</summary>
public sealed class ODataSqlTests(ODataFixture fixture) : IClassFixture<ODataFixture>
{
    private async Task<string> SqlAsync(DatabaseProvider provider, string relative)
    {
        var s = await fixture.ForAsync(provider);
        await using var scope = s.App.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().Use(s.Alpha.Id);
        var db = scope.ServiceProvider.GetRequiredService<ComplianceDbContext>();
        var model = scope.ServiceProvider.GetRequiredService<ODataModel>();
        var limits = new ODataLimits { PageSize = 100, MaxTop = 1000 };
        var root = new Uri("http://localhost/odata/");
        var request = ODataEndpoint.Parse(model, limits, root, new Uri(root, relative), out _)!;
        return ODataEndpoint.Page(request, model, db, limits).Rows.ToQueryString();
    }

    [Theory]
    [MemberData(nameof(ComplianceApp.Providers), MemberType = typeof(ComplianceApp))]
    public async Task The_benchmark_query_filters_sorts_and_pages_in_the_database(DatabaseProvider provider)
    {
        var sql = await SqlAsync(provider, "Suppliers?$filter=Country eq 'CN' and Tier le 2&$orderby=Name&$top=50&$skip=100&$select=Id,Name,Country,Tier");
        Assert.Matches("WHERE .*\"OrganizationId\" = ", sql);                    // the tenant filter
        Assert.Matches("\"Country\" = @\\w+ AND .*\"Tier\" <= @\\w+", sql);        // literals are parameters
        Assert.Matches("ORDER BY .*\"Name\", .*\"Id\"", sql);                     // stable pages
        Assert.Contains("LIMIT @", sql, StringComparison.Ordinal);
        Assert.Contains("OFFSET @", sql, StringComparison.Ordinal);
        Assert.DoesNotContain("\"Address\"", sql, StringComparison.Ordinal);      // $select reaches the SELECT list
    }

    [Theory]
    [MemberData(nameof(ComplianceApp.Providers), MemberType = typeof(ComplianceApp))]
    public async Task A_skipped_page_finds_its_keys_first_and_reads_only_its_own_rows(DatabaseProvider provider)
    {
        var sql = await SqlAsync(provider, "Suppliers?$filter=Country eq 'CN' and Tier le 2&$orderby=Name&$top=50&$skip=100");
        // The inner query pages the keys (an index-only scan on PostgreSQL); the outer one reads the page's rows, in order.
        Assert.Matches(@"(?s)""Id"" IN \(\s*SELECT \S+""Id""\s+FROM .*?""Country"" = @\w+ AND .*?ORDER BY .*?LIMIT @\w+ OFFSET @\w+\s*\)", sql);
        Assert.Matches(@"(?s)\)\s*ORDER BY \S+""Name"", \S+""Id""\s*$", sql);
        Assert.True(System.Text.RegularExpressions.Regex.Count(sql, "\"OrganizationId\" = ") >= 2, sql); // both carry the tenant filter
    }

    [Theory]
    [MemberData(nameof(ComplianceApp.Providers), MemberType = typeof(ComplianceApp))]
    public async Task The_first_page_is_one_query(DatabaseProvider provider)
    {
        var sql = await SqlAsync(provider, "Suppliers?$filter=Country eq 'CN' and Tier le 2&$orderby=Name&$top=50");
        Assert.DoesNotContain(" IN (", sql, StringComparison.Ordinal);
        Assert.DoesNotContain("OFFSET", sql, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(ComplianceApp.Providers), MemberType = typeof(ComplianceApp))]
    public async Task A_decimal_literal_stays_decimal(DatabaseProvider provider)
    {
        // Not truncated to 20, and not a float (the parser would make it Edm.Single: 20.1 is not exact as a float).
        var sql = await SqlAsync(provider, "Suppliers?$filter=Tier lt 20.1");
        Assert.True(System.Text.RegularExpressions.Regex.IsMatch(sql, provider == DatabaseProvider.Sqlite ? "@Value '?20\\.1\\b" : "@Value='20\\.1'"), sql);
        Assert.DoesNotContain("REAL", sql, StringComparison.Ordinal);
        Assert.DoesNotContain("::real", sql, StringComparison.Ordinal);
        Assert.DoesNotContain("double", sql, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(ComplianceApp.Providers), MemberType = typeof(ComplianceApp))]
    public async Task String_functions_never_use_a_case_insensitive_LIKE(DatabaseProvider provider)
    {
        var sql = await SqlAsync(provider, "Suppliers?$filter=contains(Name,'a') or startswith(Name,'b') or endswith(Name,'c')");
        // SQLite's LIKE ignores ASCII case, so it must not appear; PostgreSQL's LIKE is case-sensitive (ILIKE is not).
        if (provider == DatabaseProvider.Sqlite) Assert.DoesNotContain("LIKE", sql, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("ILIKE", sql, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [MemberData(nameof(ComplianceApp.Providers), MemberType = typeof(ComplianceApp))]
    public async Task Navigation_filters_and_expands_are_subqueries_under_the_tenant_filter(DatabaseProvider provider)
    {
        var sql = await SqlAsync(provider, "Audits?$filter=Supplier/Country eq 'CN'&$expand=Findings($select=Severity),Supplier($select=Name)");
        // The root, the filter's supplier lookup, the expanded findings and the expanded supplier: each filtered by tenant.
        Assert.True(System.Text.RegularExpressions.Regex.Count(sql, "\"OrganizationId\" = ") >= 4, sql);
    }
}
