using System.Linq.Expressions;
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
        return services;
    }

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet(Prefix + "/{**path}", HandleAsync)
            .RequireAuthorization(Policies.Read)
            .WithTags("OData").ExcludeFromDescription();

    public static async Task HandleAsync(HttpContext http, ComplianceDbContext db, ODataModel model, ODataLimits limits, CancellationToken ct)
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

            var parser = new ODataUriParser(model.Edm, serviceRoot, new Uri(request.GetEncodedUrl()))
            {
                Resolver = new StringAsEnumResolver(),
                Settings = { MaximumExpansionDepth = limits.MaxExpandDepth, MaximumExpansionCount = 10 },
            };
            var path = parser.ParsePath();
            var segments = path.ToList();
            switch (segments)
            {
                case []:
                    await ODataWriter.ServiceDocumentAsync(http.Response, model, serviceRoot);
                    return;
                case [MetadataSegment]:
                    await ODataWriter.MetadataAsync(http.Response, model);
                    return;
                case [EntitySetSegment setSegment, .. var rest]:
                    var set = model.FindSet(setSegment.EntitySet.Name)!;
                    await QueryAsync(http, db, model, limits, parser, path, set, rest, serviceRoot, ct);
                    return;
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

    private static async Task QueryAsync(HttpContext http, ComplianceDbContext db, ODataModel model, ODataLimits limits, ODataUriParser parser,
        ODataPath path, ODataSet set, IReadOnlyList<ODataPathSegment> rest, Uri serviceRoot, CancellationToken ct)
    {
        var filter = parser.ParseFilter();
        var orderBy = parser.ParseOrderBy();
        var selectExpand = parser.ParseSelectAndExpand();
        var top = parser.ParseTop();
        var skip = parser.ParseSkip() ?? 0;
        var count = parser.ParseCount() ?? false;
        if (top > limits.MaxTop) throw new ODataQueryException($"$top is at most {limits.MaxTop}.", "$top");
        if (skip > int.MaxValue) throw new ODataQueryException("$skip is too large.", "$skip");

        var binder = new ODataBinder(model, db, limits);
        var type = set.Type;
        var source = set.Source(db);
        var uri = new ODataUri { ServiceRoot = serviceRoot, Path = path, SelectAndExpand = selectExpand };

        switch (rest)
        {
            case [KeySegment key]:
            {
                if (filter is not null || orderBy is not null || top is not null || skip > 0 || count)
                    throw new ODataQueryException("A single entity takes only $select and $expand.");
                var id = (Guid)key.Keys.Single().Value;
                var row = Expression.Parameter(type.Clr, "e");
                var byKey = Expression.Lambda(Expression.Equal(Expression.Property(row, "Id"), Expression.Constant(id)), row);
                var one = source.Provider.CreateQuery(Expression.Call(typeof(Queryable), nameof(Queryable.Where), [type.Clr], source.Expression, Expression.Quote(byKey)));
                var found = await binder.Select(one, type, selectExpand, out var shape).FirstOrDefaultAsync(ct);
                if (found is null)
                {
                    await ODataWriter.ErrorAsync(http.Response, StatusCodes.Status404NotFound, "NotFound", $"No {set.Name} entity has the key {id}.");
                    return;
                }
                await ODataWriter.EntityAsync(http.Response, model, set, uri, found, shape);
                return;
            }
            case [CountSegment]:
            {
                var total = await CountAsync(binder.Where(source, type, filter), ct);
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

        var filtered = binder.Where(source, type, filter);
        long? total2 = count ? await CountAsync(filtered, ct) : null;
        var take = (int)Math.Min(top ?? int.MaxValue, limits.PageSize);
        // One row more than the page tells whether a next page exists, without a second count.
        var wantsMore = top is null || top > take;
        var paged = ODataBinder.Page(binder.OrderBy(filtered, type, orderBy), type.Clr, (int)skip, wantsMore ? take + 1 : take);
        var rows = await binder.Select(paged, type, selectExpand, out var rowShape).ToListAsync(ct);
        Uri? next = null;
        if (rows.Count > take)
        {
            rows.RemoveAt(rows.Count - 1);
            next = NextLink(http.Request, skip + take, top is { } t ? t - take : null);
        }
        await ODataWriter.CollectionAsync(http.Response, model, set, uri, rows, rowShape, total2, next);
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
        var expression = Expression.Call(typeof(Queryable), nameof(Queryable.Count), [source.ElementType], source.Expression);
        return ((IAsyncQueryProvider)source.Provider).ExecuteAsync<Task<int>>(expression, ct);
    }
}
