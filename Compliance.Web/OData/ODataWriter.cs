using System.Text.Json;
using Microsoft.OData;
using Microsoft.OData.Edm;

namespace Compliance.Web.OData;

/// <summary>
/// Writes OData JSON (minimal metadata) with Microsoft.OData.Core's writer: @odata.context, @odata.count and
/// @odata.nextLink come from it. Responses are buffered (a page is at most the server page size) so nothing is written
/// synchronously to the response body, and the writer runs synchronously into the buffer (ODL's async path costs more per
/// value and gains nothing against memory).
/// </summary>
public static class ODataWriter
{
    public static Task CollectionAsync(HttpResponse response, ODataModel model, ODataSet set, ODataUri uri, IReadOnlyList<object?[]> rows,
        ODataShape shape, long? count, Uri? nextLink) =>
        WriteAsync(response, model, uri, writer =>
        {
            var w = writer.CreateODataResourceSetWriter(set.EntitySet, set.Type.Edm);
            w.WriteStart(new ODataResourceSet { Count = count, NextPageLink = nextLink });
            foreach (var row in rows) Resource(w, shape, row);
            w.WriteEnd();
            w.Flush();
        });

    public static Task EntityAsync(HttpResponse response, ODataModel model, ODataSet set, ODataUri uri, object?[] row, ODataShape shape) =>
        WriteAsync(response, model, uri, writer =>
        {
            var w = writer.CreateODataResourceWriter(set.EntitySet, set.Type.Edm);
            Resource(w, shape, row);
            w.Flush();
        });

    public static Task ServiceDocumentAsync(HttpResponse response, ODataModel model, Uri serviceRoot) =>
        WriteAsync(response, model, new ODataUri { ServiceRoot = serviceRoot }, writer => writer.WriteServiceDocument(model.Edm.GenerateServiceDocument()));

    public static async Task MetadataAsync(HttpResponse response, ODataModel model)
    {
        using var buffer = new MemoryStream();
        var message = new ResponseMessage(buffer);
        using (var writer = new ODataMessageWriter((IODataResponseMessage)message, new ODataMessageWriterSettings { EnableMessageStreamDisposal = false }, model.Edm))
            writer.WriteMetadataDocument();
        await SendAsync(response, message, buffer);
    }

    /// <summary>The OData JSON error body: {"error":{"code","message","target"}}.</summary>
    public static async Task ErrorAsync(HttpResponse response, int status, string code, string message, string? target = null)
    {
        response.StatusCode = status;
        response.ContentType = "application/json; odata.metadata=minimal";
        response.Headers["OData-Version"] = "4.0";
        using var buffer = new MemoryStream();
        await using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteStartObject("error");
            json.WriteString("code", code);
            json.WriteString("message", message);
            if (target is not null) json.WriteString("target", target);
            json.WriteEndObject();
            json.WriteEndObject();
        }
        buffer.Position = 0;
        await buffer.CopyToAsync(response.Body);
    }

    private static async Task WriteAsync(HttpResponse response, ODataModel model, ODataUri uri, Action<ODataMessageWriter> write)
    {
        using var buffer = new MemoryStream();
        var message = new ResponseMessage(buffer);
        // No per-value validation: every value comes from the model's own CLR types (the tests check the EDM types).
        var settings = new ODataMessageWriterSettings
        {
            ODataUri = uri, BaseUri = uri.ServiceRoot, EnableMessageStreamDisposal = false, Version = ODataVersion.V4, Validations = ValidationKinds.None,
        };
        settings.SetContentType(ODataFormat.Json);
        using (var writer = new ODataMessageWriter((IODataResponseMessage)message, settings, model.Edm))
            write(writer);
        await SendAsync(response, message, buffer);
    }

    private static async Task SendAsync(HttpResponse response, ResponseMessage message, MemoryStream buffer)
    {
        response.StatusCode = StatusCodes.Status200OK;
        foreach (var (name, value) in message.Headers) response.Headers[name] = value;
        response.ContentLength = buffer.Length;
        buffer.Position = 0;
        await buffer.CopyToAsync(response.Body);
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

    /// <summary>CLR value → OData value: UTC DateTime as DateTimeOffset, DateOnly as Edm.Date, enums by member name.</summary>
    private static object? Value(object? value) => value switch
    {
        DateTime dt => new DateTimeOffset(DateTime.SpecifyKind(dt, DateTimeKind.Utc)),
#pragma warning disable CS0618 // ODL 8 writes Edm.Date from its own Date type (DateOnly from ODL 9)
        DateOnly d => new Date(d.Year, d.Month, d.Day),
#pragma warning restore CS0618
        Enum e => new ODataEnumValue(e.ToString(), $"{ODataModel.Namespace}.{e.GetType().Name}"),
        _ => value,
    };

    private sealed class ResponseMessage(Stream stream) : IODataResponseMessage, IODataResponseMessageAsync
    {
        public Dictionary<string, string> Headers { get; } = new(StringComparer.OrdinalIgnoreCase);
        IEnumerable<KeyValuePair<string, string>> IODataResponseMessage.Headers => Headers;
        public int StatusCode { get; set; } = 200;
        public string? GetHeader(string headerName) => Headers.GetValueOrDefault(headerName);
        public void SetHeader(string headerName, string headerValue) => Headers[headerName] = headerValue;
        public Stream GetStream() => stream;
        public Task<Stream> GetStreamAsync() => Task.FromResult(stream);
    }
}
