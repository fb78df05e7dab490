using System.Text;
using Compliance.Domain.Suppliers;
using Compliance.Tests.Fixtures;
using Compliance.Web.Infrastructure.Persistence;
using Compliance.Web.Infrastructure.Tenancy;
using Compliance.Web.OData;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.OData;
using Microsoft.OData.Edm;
using Microsoft.OData.UriParser;

namespace Compliance.Tests.Integration.OData;

/// <summary>
/// Our Utf8JsonWriter payloads are what Microsoft.OData.Core's writer produces for the same rows, byte for byte and with
/// the same headers: context URLs under $select/$expand, count, next link, every EDM type we expose, nulls, expansions,
/// non-ASCII and characters that JSON escapes.
/// </summary>
public sealed class ODataWriterTests(ODataFixture fixture) : IClassFixture<ODataFixture>
{
    public static TheoryData<DatabaseProvider, string> Requests()
    {
        string[] urls =
        [
            "Suppliers",
            "Suppliers?$filter=Country eq 'CN' and Tier le 2&$orderby=Name&$top=50",
            "Suppliers?$select=Name,Country&$count=true",
            "Suppliers?$select=Id&$expand=Products",
            "Suppliers?$expand=Products($select=HsCode),Parent,Audits($orderby=StartDate desc;$top=1)",
            "Suppliers?$expand=Audits($select=StartDate,Scheme)&$select=Name",
            "Audits?$expand=Findings,Supplier($select=Name)",
            "Findings?$expand=Actions,Audit",
            "CorrectiveActions?$expand=Finding($select=Severity,IloIndicator)",
        ];
        var data = new TheoryData<DatabaseProvider, string>();
        foreach (var provider in new[] { DatabaseProvider.Sqlite, DatabaseProvider.Postgres })
            foreach (var url in urls) data.Add(provider, url);
        return data;
    }

    [Theory]
    [MemberData(nameof(Requests))]
    public async Task Collections_match_Microsoft_OData_Core_byte_for_byte(DatabaseProvider provider, string relative)
    {
        var s = await fixture.ForAsync(provider);
        await using var scope = s.App.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().Use(s.Alpha.Id);
        var db = scope.ServiceProvider.GetRequiredService<ComplianceDbContext>();
        var model = scope.ServiceProvider.GetRequiredService<ODataModel>();
        await EnsureAwkwardSupplierAsync(db, s.Alpha.Id);
        var limits = new ODataLimits { PageSize = 100, MaxTop = 1000 };
        var root = new Uri("http://localhost/odata/");
        var requestUri = new Uri(root, relative);
        var request = ODataEndpoint.Parse(model, limits, root, requestUri, out var path)!;
        var rows = await ODataEndpoint.Page(request, model, db, limits).Rows.ToListAsync();
        var shape = ShapeOf(request, model, db, limits);
        var uri = new ODataUri { ServiceRoot = root, Path = path, SelectAndExpand = request.SelectExpand };
        var next = new Uri(root, "Suppliers?$skip=3&$filter=Name eq 'ä/ö'");

        foreach (var count in new long?[] { null, rows.Count })
        {
            foreach (var link in new[] { null, next })
            {
                var expected = await ReferenceAsync(model, uri, w =>
                {
                    var set = w.CreateODataResourceSetWriter(request.Set.EntitySet, request.Set.Type.Edm);
                    set.WriteStart(new ODataResourceSet { Count = count, NextPageLink = link });
                    foreach (var row in rows) Resource(set, shape, row);
                    set.WriteEnd();
                    set.Flush();
                });
                var actual = await OursAsync(requestUri, r => Compliance.Web.OData.ODataWriter.CollectionAsync(r, model, request.Set, uri, rows, shape, count, link));
                Assert.Equal(expected.Body, actual.Body);
                Assert.Equal(expected.ContentType, actual.ContentType);
            }
        }

        // The single entity of the first row, under the same $select/$expand.
        if (rows.Count == 0) return;
        // The key is not part of the context URL, so any key does.
        var (setPart, queryPart) = relative.Contains('?', StringComparison.Ordinal) ? (relative[..relative.IndexOf('?', StringComparison.Ordinal)], relative[relative.IndexOf('?', StringComparison.Ordinal)..]) : (relative, "");
        var entityUri = new Uri(root, $"{setPart}({Guid.Empty}){queryPart}");
        var keyed = ODataEndpoint.Parse(model, limits, root, entityUri, out var keyPath)!;
        var entity = new ODataUri { ServiceRoot = root, Path = keyPath, SelectAndExpand = keyed.SelectExpand };
        var one = await ReferenceAsync(model, entity, w =>
        {
            var writer = w.CreateODataResourceWriter(request.Set.EntitySet, request.Set.Type.Edm);
            Resource(writer, shape, rows[0]);
            writer.Flush();
        });
        var ours = await OursAsync(entityUri, r => Compliance.Web.OData.ODataWriter.EntityAsync(r, model, request.Set, entity, rows[0], shape));
        Assert.Equal(one.ContentType, ours.ContentType);
        Assert.Equal(one.Body, ours.Body);
    }

    private static ODataShape ShapeOf(ODataEndpoint.ODataRequest request, ODataModel model, ComplianceDbContext db, ODataLimits limits) =>
        ODataEndpoint.Page(request, model, db, limits).Shape;

    /// <summary>A supplier whose text needs escaping: quotes, backslash, control characters, non-ASCII, HTML-sensitive characters.</summary>
    private static async Task EnsureAwkwardSupplierAsync(ComplianceDbContext db, Guid organization)
    {
        if (await db.Suppliers.AnyAsync(x => x.ExternalReference == "W-ESC")) return;
        db.Suppliers.Add(new Supplier
        {
            OrganizationId = organization, ExternalReference = "W-ESC", Name = "Zeta \"Quoted\" \\ <b>&'+ Ünïcødé 工厂 😀", Country = "CN", Tier = 3,
            Address = "Line 1\nLine 2\tTab\u0001\u007f\u2028", CreatedAt = new DateTime(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc),
            UpdatedAt = new DateTime(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc).AddTicks(1234560),
        });
        try { await db.SaveChangesAsync(); }
        catch (DbUpdateException) { } // another test of the class planted it first
    }

    private sealed record Written(string? ContentType, string Body);

    private static async Task<Written> OursAsync(Uri requestUri, Func<HttpResponse, Task> write)
    {
        var http = new DefaultHttpContext();
        http.Request.QueryString = new QueryString(requestUri.Query);
        using var body = new MemoryStream();
        http.Response.Body = body;
        await write(http.Response);
        Assert.Equal("4.0", http.Response.Headers["OData-Version"].ToString());
        Assert.Equal(body.Length, http.Response.ContentLength);
        return new Written(http.Response.ContentType, Encoding.UTF8.GetString(body.ToArray()));
    }

    /// <summary>The writer this project used before: Microsoft.OData.Core's own, with the settings it had.</summary>
    private static Task<Written> ReferenceAsync(ODataModel model, ODataUri uri, Action<ODataMessageWriter> write)
    {
        using var buffer = new MemoryStream();
        var message = new Message(buffer);
        var settings = new ODataMessageWriterSettings
        {
            ODataUri = uri, BaseUri = uri.ServiceRoot, EnableMessageStreamDisposal = false, Version = ODataVersion.V4, Validations = ValidationKinds.None,
        };
        settings.SetContentType(ODataFormat.Json);
        using (var writer = new ODataMessageWriter((IODataResponseMessage)message, settings, model.Edm))
            write(writer);
        Assert.Equal("4.0", message.Headers["OData-Version"]);
        return Task.FromResult(new Written(message.Headers["Content-Type"], Encoding.UTF8.GetString(buffer.ToArray())));
    }

    private static void Resource(Microsoft.OData.ODataWriter w, ODataShape shape, object?[] row)
    {
        var properties = new List<ODataProperty>(shape.Properties.Count);
        for (var i = 0; i < shape.Properties.Count; i++)
            properties.Add(new ODataProperty { Name = shape.Properties[i].Name, Value = Value(row[i]) });
        w.WriteStart(new ODataResource { Properties = properties });
        for (var e = 0; e < shape.Expands.Count; e++)
        {
            var expand = shape.Expands[e];
            var value = row[shape.Properties.Count + e];
            w.WriteStart(new ODataNestedResourceInfo { Name = expand.Navigation.Name, IsCollection = expand.Navigation.IsCollection });
            if (expand.Navigation.IsCollection)
            {
                w.WriteStart(new ODataResourceSet());
                foreach (var child in (IEnumerable<object?[]>)value!) Resource(w, expand.Shape, child);
                w.WriteEnd();
            }
            else if (value is object?[] single)
            {
                Resource(w, expand.Shape, single);
            }
            else
            {
                w.WriteStart((ODataResource?)null);
                w.WriteEnd();
            }
            w.WriteEnd();
        }
        w.WriteEnd();
    }

    private static object? Value(object? value) => value switch
    {
        DateTime dt => new DateTimeOffset(DateTime.SpecifyKind(dt, DateTimeKind.Utc)),
#pragma warning disable CS0618 // ODL 8 writes Edm.Date from its own Date type
        DateOnly d => new Date(d.Year, d.Month, d.Day),
#pragma warning restore CS0618
        Enum e => new ODataEnumValue(e.ToString(), $"{ODataModel.Namespace}.{e.GetType().Name}"),
        _ => value,
    };

    private sealed class Message(Stream stream) : IODataResponseMessage
    {
        public Dictionary<string, string> Headers { get; } = new(StringComparer.OrdinalIgnoreCase);
        IEnumerable<KeyValuePair<string, string>> IODataResponseMessage.Headers => Headers;
        public int StatusCode { get; set; } = 200;
        public string? GetHeader(string headerName) => Headers.GetValueOrDefault(headerName);
        public void SetHeader(string headerName, string headerValue) => Headers[headerName] = headerValue;
        public Stream GetStream() => stream;
    }
}
