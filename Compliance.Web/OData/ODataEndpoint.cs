using System.Linq.Expressions;
using System.Reflection;
using System.Runtime.CompilerServices;
using Compliance.Web.Infrastructure.Identity;
using Compliance.Web.Infrastructure.Persistence;
using Compliance.Web.Infrastructure.Tenancy;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;
using Microsoft.OData;
using Microsoft.OData.UriParser;

namespace Compliance.Web.OData;

/// <summary>
/// GET /odata/… : the service document, $metadata, entity sets with $filter $orderby $select $expand $top $skip $count,
/// /$count, and single entities by key. Parsing is Microsoft.OData.Core's ODataUriParser; the query is ours
/// (<see cref="ODataBinder"/>), run by EF Core under the tenant filter.
/// </summary>
public static class ODataEndpoint
{
    public const string Prefix = "/odata";

    private static readonly HashSet<string> SupportedOptions = ["$filter", "$orderby", "$select", "$expand", "$top", "$skip", "$count", "$format"];

    public static IServiceCollection AddComplianceOData(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<ODataModel>();
        services.AddSingleton(configuration.GetSection("OData").Get<ODataLimits>() ?? new ODataLimits());
        services.AddSingleton<ODataQueryGate>();
        return services;
    }

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet(Prefix + "/{**path}", HandleAsync)
            .RequireAuthorization(Policies.Read)
            .WithTags("OData").ExcludeFromDescription();

    public static async Task HandleAsync(HttpContext http, ComplianceDbContext db, ODataModel model, ODataLimits limits, ODataQueryGate gate, CancellationToken ct)
    {
        var request = http.Request;
        var serviceRoot = new Uri($"{request.Scheme}://{request.Host}{request.PathBase}{Prefix}/");
        try
        {
            foreach (var key in request.Query.Keys.Where(k => k.StartsWith('$')))
            {
                if (!SupportedOptions.Contains(key))
                    throw new ODataQueryException($"The query option '{key}' is not supported; use {string.Join(", ", SupportedOptions)}.", key);
            }
            if (request.Query["$format"] is { Count: > 0 } format && !string.Equals(format.ToString(), "json", StringComparison.OrdinalIgnoreCase)
                && !format.ToString().StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
                throw new ODataQueryException("Only $format=json is supported.", "$format");

            var parsed = Parse(model, limits, serviceRoot, new Uri(request.GetEncodedUrl()), out var path, out var seenBefore);
            var segments = path.ToList();
            switch (segments)
            {
                case []:
                    await ODataWriter.ServiceDocumentAsync(http.Response, model, serviceRoot);
                    return;
                case [MetadataSegment]:
                    await ODataWriter.MetadataAsync(http.Response, model);
                    return;
                case [EntitySetSegment, ..]:
                {
                    using var turn = await gate.EnterAsync(ct);
                    if (!turn.IsAcquired)
                    {
                        http.Response.Headers.RetryAfter = "1";
                        await ODataWriter.ErrorAsync(http.Response, StatusCodes.Status503ServiceUnavailable, "ServiceUnavailable",
                            "Too many queries are waiting; try again shortly.");
                        return;
                    }
                    await QueryAsync(http, db, model, limits, parsed!, seenBefore, serviceRoot, turn, ct);
                    return;
                }
                default:
                    throw new ODataQueryException("Only entity sets, Set(key), Set/$count and $metadata are served.");
            }
        }
        catch (ODataUnrecognizedPathException e)
        {
            await ODataWriter.ErrorAsync(http.Response, StatusCodes.Status404NotFound, "NotFound", e.Message);
        }
        catch (ODataQueryException e)
        {
            await ODataWriter.ErrorAsync(http.Response, StatusCodes.Status400BadRequest, "BadRequest", e.Message, e.Target);
        }
        catch (ODataException e)
        {
            // The parser's own errors: syntax, unknown properties (OrganizationId too), type mismatches, its limits.
            await ODataWriter.ErrorAsync(http.Response, StatusCodes.Status400BadRequest, "BadRequest", e.Message);
        }
        catch (InvalidOperationException e) when (e is not TenantNotResolvedException && e.Message.Contains("could not be translated", StringComparison.Ordinal))
        {
            await ODataWriter.ErrorAsync(http.Response, StatusCodes.Status400BadRequest, "BadRequest", "The database cannot evaluate this query; simplify the expression.");
        }
        catch (Exception e) when (e is OverflowException or FormatException or ArgumentException or Npgsql.PostgresException { SqlState: ['2', '2', ..] })
        {
            // Literal overflow, arithmetic the database refuses (division by zero on PostgreSQL): the query's fault.
            await ODataWriter.ErrorAsync(http.Response, StatusCodes.Status400BadRequest, "BadRequest", "The query cannot be evaluated: " + FirstLine(e.Message));
        }
    }

    private static string FirstLine(string message) => message.Split('\n')[0];

    /// <summary>A parsed request for a set: its options and what follows the set in the path (a key, /$count).</summary>
    public sealed record ODataRequest(ODataSet Set, ODataPath Path, IReadOnlyList<ODataPathSegment> Rest, FilterClause? Filter, OrderByClause? OrderBy,
        SelectExpandClause? SelectExpand, long? Top, int Skip, bool Count);

    /// <summary>The page a collection request reads: filtered, sorted, paged and projected by the database.</summary>
    public sealed record ODataPage(IQueryable Filtered, IQueryable<object?[]> Rows, ODataShape Shape, int Take);

    /// <summary>
    /// Parsed requests by URL (and the limits they were checked against): BI tools and paging repeat the same URLs, and the
    /// parser's output is immutable, so it is parsed once. Bounded: clients choose the keys. Errors are not cached.
    /// </summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(ODataModel, ODataLimits, string), (ODataRequest?, ODataPath)> Parsed = new();
    private const int MaxParsed = 1024;

    public static ODataRequest? Parse(ODataModel model, ODataLimits limits, Uri serviceRoot, Uri requestUri, out ODataPath path) =>
        Parse(model, limits, serviceRoot, requestUri, out path, out _);

    private static ODataRequest? Parse(ODataModel model, ODataLimits limits, Uri serviceRoot, Uri requestUri, out ODataPath path, out bool seenBefore)
    {
        var key = (model, limits, serviceRoot.AbsoluteUri + " " + requestUri.AbsoluteUri);
        seenBefore = Parsed.TryGetValue(key, out var hit);
        if (seenBefore)
        {
            path = hit.Item2;
            return hit.Item1;
        }
        var request = ParseNew(model, limits, serviceRoot, requestUri, out path);
        if (Parsed.Count < MaxParsed) Parsed.TryAdd(key, (request, path));
        return request;
    }

    /// <summary>
    /// The page query of a URL asked for again, compiled (EF.CompileAsyncQuery) for its parsed request: built once, and
    /// run without EF Core hashing and comparing the whole expression tree to find its cached plan on every request
    /// (with building the LINQ, about a fifth of the app's CPU per request in the benchmark). Only URLs seen a second time are
    /// compiled: a client paging through a large set asks each URL once, and EF's own cache (one plan for every $skip)
    /// serves that better. Entries live as long as their parsed request (the bounded cache above).
    /// </summary>
    private static readonly ConditionalWeakTable<ODataRequest, CompiledPage> Compiled = new();

    private sealed record CompiledPage(Func<ComplianceDbContext, IAsyncEnumerable<object?[]>> Rows, ODataShape Shape, int Take);

    private static CompiledPage Compile(ODataPage page)
    {
        var context = Expression.Parameter(typeof(ComplianceDbContext), "db");
        var body = new RootsOf(context).Visit(page.Rows.Expression);
        var rows = EF.CompileAsyncQuery(Expression.Lambda<Func<ComplianceDbContext, IQueryable<object?[]>>>(body, context));
        return new CompiledPage(rows, page.Shape, page.Take);
    }

    /// <summary>Makes each set the query reads a set of the compiled query's context (db.Set&lt;T&gt;()), not of the request's.</summary>
    private sealed class RootsOf(ParameterExpression context) : ExpressionVisitor
    {
        private static readonly MethodInfo Set = typeof(DbContext).GetMethod(nameof(DbContext.Set), Type.EmptyTypes)!;

        protected override Expression VisitExtension(Expression node) => node is EntityQueryRootExpression root
            ? Expression.Call(context, Set.MakeGenericMethod(root.ElementType))
            : base.VisitExtension(node);
    }

    private static ODataRequest? ParseNew(ODataModel model, ODataLimits limits, Uri serviceRoot, Uri requestUri, out ODataPath path)
    {
        var parser = new ODataUriParser(model.Edm, serviceRoot, requestUri)
        {
            Resolver = new StringAsEnumResolver(),
            Settings = { MaximumExpansionDepth = limits.MaxExpandDepth, MaximumExpansionCount = 10 },
        };
        path = parser.ParsePath();
        if (path.FirstSegment is not EntitySetSegment setSegment) return null; // $metadata, the service document
        var top = parser.ParseTop();
        var skip = parser.ParseSkip() ?? 0;
        if (top > limits.MaxTop) throw new ODataQueryException($"$top is at most {limits.MaxTop}.", "$top");
        if (skip > int.MaxValue) throw new ODataQueryException("$skip is too large.", "$skip");
        return new ODataRequest(model.FindSet(setSegment.EntitySet.Name)!, path, [.. path.Skip(1)], parser.ParseFilter(), parser.ParseOrderBy(),
            parser.ParseSelectAndExpand(), top, (int)skip, parser.ParseCount() ?? false);
    }

    /// <summary>
    /// The rows of one page: $filter, then $orderby (then Id, so pages are stable), $skip, and the page size or $top,
    /// whichever is smaller, plus one row that tells whether a next page exists.
    /// With a $skip the page's keys are found first and only its own rows are read ("late row lookup"): the database
    /// walks past the skipped rows in an index when one covers the filter and order (migration 0012), instead of
    /// fetching every skipped row from the table only to throw it away.
    /// </summary>
    public static ODataPage Page(ODataRequest request, ODataModel model, ComplianceDbContext db, ODataLimits limits)
    {
        var binder = new ODataBinder(model, db, limits);
        var type = request.Set.Type;
        var filtered = binder.Where(request.Set.Source(db), type, request.Filter);
        var take = (int)Math.Min(request.Top ?? int.MaxValue, limits.PageSize);
        var wantsMore = request.Top is null || request.Top > take;
        var paged = ODataBinder.Page(binder.OrderBy(filtered, type, request.OrderBy), type.Clr, request.Skip, wantsMore ? take + 1 : take);
        if (request.Skip > 0)
            paged = binder.OrderBy(ODataBinder.WithKeysIn(request.Set.Source(db), paged, type.Clr), type, request.OrderBy);
        return new ODataPage(filtered, binder.Select(paged, type, request.SelectExpand, out var shape), shape, take);
    }

    /// <summary>
    /// Runs the request's query and writes its answer. The turn at the gate is given back once the rows are read, before
    /// writing: a client that reads its response slowly must not hold up the queries of others.
    /// </summary>
    private static async Task QueryAsync(HttpContext http, ComplianceDbContext db, ODataModel model, ODataLimits limits, ODataRequest request, bool seenBefore, Uri serviceRoot,
        System.Threading.RateLimiting.RateLimitLease turn, CancellationToken ct)
    {
        var set = request.Set;
        var type = set.Type;
        var uri = new ODataUri { ServiceRoot = serviceRoot, Path = request.Path, SelectAndExpand = request.SelectExpand };
        var binder = new ODataBinder(model, db, limits);

        switch (request.Rest)
        {
            case [KeySegment key]:
            {
                if (request.Filter is not null || request.OrderBy is not null || request.Top is not null || request.Skip > 0 || request.Count)
                    throw new ODataQueryException("A single entity takes only $select and $expand.");
                var id = (Guid)key.Keys.Single().Value;
                var row = Expression.Parameter(type.Clr, "e");
                var byKey = Expression.Lambda(Expression.Equal(Expression.Property(row, "Id"), ODataBinder.Parameter(id)), row);
                var source = set.Source(db);
                var one = ODataBinder.Query(source.Provider, ODataBinder.StaticCall(typeof(Queryable), nameof(Queryable.Where), [type.Clr], source.Expression, Expression.Quote(byKey)));
                var found = await binder.Select(one, type, request.SelectExpand, out var entityShape).FirstOrDefaultAsync(ct);
                turn.Dispose();
                if (found is null)
                {
                    await ODataWriter.ErrorAsync(http.Response, StatusCodes.Status404NotFound, "NotFound", $"No {set.Name} entity has the key {id}.");
                    return;
                }
                await ODataWriter.EntityAsync(http.Response, model, set, uri, found, entityShape);
                return;
            }
            case [CountSegment]:
            {
                var total = await CountAsync(binder.Where(set.Source(db), type, request.Filter), ct);
                turn.Dispose();
                http.Response.ContentType = "text/plain";
                http.Response.Headers["OData-Version"] = "4.0";
                await http.Response.WriteAsync(total.ToString(System.Globalization.CultureInfo.InvariantCulture), ct);
                return;
            }
            case []:
                break;
            default:
                throw new ODataQueryException("Only Set, Set(key) and Set/$count are served; expand navigations with $expand.");
        }

        long? count = request.Count ? await CountAsync(binder.Where(set.Source(db), type, request.Filter), ct) : null;
        List<object?[]> rows = [];
        ODataShape shape;
        int take;
        if (Compiled.TryGetValue(request, out var compiled))
        {
            await foreach (var row in compiled.Rows(db).WithCancellation(ct)) rows.Add(row);
            (shape, take) = (compiled.Shape, compiled.Take);
        }
        else
        {
            var page = Page(request, model, db, limits);
            if (seenBefore) Compiled.AddOrUpdate(request, Compile(page));
            rows = await page.Rows.ToListAsync(ct);
            (shape, take) = (page.Shape, page.Take);
        }
        turn.Dispose();
        Uri? next = null;
        if (rows.Count > take)
        {
            rows.RemoveAt(rows.Count - 1);
            next = NextLink(http.Request, request.Skip + take, request.Top is { } t ? t - take : null);
        }
        await ODataWriter.CollectionAsync(http.Response, model, set, uri, rows, shape, count, next);
    }

    /// <summary>The same request with $skip moved past this page (and $top reduced by it).</summary>
    private static Uri NextLink(HttpRequest request, long skip, long? top)
    {
        var query = new QueryBuilder();
        foreach (var (key, values) in request.Query)
        {
            if (key is "$skip" or "$top") continue;
            foreach (var value in values) query.Add(key, value ?? "");
        }
        if (top is { } t) query.Add("$top", t.ToString(System.Globalization.CultureInfo.InvariantCulture));
        query.Add("$skip", skip.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return new Uri(UriHelper.BuildAbsolute(request.Scheme, request.Host, request.PathBase, request.Path, query.ToQueryString()));
    }

    private static Task<int> CountAsync(IQueryable source, CancellationToken ct)
    {
        var expression = ODataBinder.StaticCall(typeof(Queryable), nameof(Queryable.Count), [source.ElementType], source.Expression);
        return ((IAsyncQueryProvider)source.Provider).ExecuteAsync<Task<int>>(expression, ct);
    }
}
