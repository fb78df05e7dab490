using System.Buffers;
using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.OData;
using Microsoft.OData.Edm;

namespace Compliance.Web.OData;

/// <summary>
/// Writes OData JSON (minimal metadata). Entities and collections go straight through System.Text.Json's Utf8JsonWriter in
/// the format Microsoft.OData.Core writes (ODataWriterTests compares the two byte for byte): its per-value machinery cost as
/// much as the database query. Microsoft.OData.Core still writes $metadata and the service document, and computes each
/// distinct @odata.context URL once (it depends on the set, $select and $expand, not on the rows).
/// Responses are buffered (a page is at most the server page size), so nothing is written synchronously to the body.
/// </summary>
public static class ODataWriter
{
    public const string JsonContentType = "application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8";

    private static readonly JsonWriterOptions JsonOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true };

    /// <summary>Context URLs by service root, set, single/collection, $select and $expand. Bounded: clients choose the keys.</summary>
    private static readonly ConcurrentDictionary<(string Root, string Set, bool Entity, string Select, string Expand), string> ContextUrls = new();
    private const int MaxContextUrls = 1024;

    public static Task CollectionAsync(HttpResponse response, ODataModel model, ODataSet set, ODataUri uri, IReadOnlyList<object?[]> rows,
        ODataShape shape, long? count, Uri? nextLink)
    {
        var buffer = new ArrayBufferWriter<byte>(4096 + rows.Count * 512);
        using (var json = new Utf8JsonWriter(buffer, JsonOptions))
        {
            json.WriteStartObject();
            json.WriteString("@odata.context", ContextUrl(response, model, set, uri, entity: false));
            if (count is { } c) json.WriteNumber("@odata.count", c);
            if (nextLink is not null) json.WriteString("@odata.nextLink", nextLink.AbsoluteUri);
            json.WriteStartArray("value");
            foreach (var row in rows) Resource(json, shape, row);
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return SendAsync(response, buffer);
    }

    public static Task EntityAsync(HttpResponse response, ODataModel model, ODataSet set, ODataUri uri, object?[] row, ODataShape shape)
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        using (var json = new Utf8JsonWriter(buffer, JsonOptions))
        {
            json.WriteStartObject();
            json.WriteString("@odata.context", ContextUrl(response, model, set, uri, entity: true));
            Properties(json, shape, row);
            json.WriteEndObject();
        }
        return SendAsync(response, buffer);
    }

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

    private static async Task SendAsync(HttpResponse response, ArrayBufferWriter<byte> buffer)
    {
        response.StatusCode = StatusCodes.Status200OK;
        response.Headers["OData-Version"] = "4.0";
        response.ContentType = JsonContentType;
        response.ContentLength = buffer.WrittenCount;
        await response.Body.WriteAsync(buffer.WrittenMemory);
    }

    /// <summary>
    /// The @odata.context of a set (or one of its entities) under this request's $select and $expand, as Microsoft.OData.Core
    /// words it: computed by its writer the first time (from an empty payload), then reused.
    /// </summary>
    private static string ContextUrl(HttpResponse response, ODataModel model, ODataSet set, ODataUri uri, bool entity)
    {
        var query = response.HttpContext.Request.Query;
        var key = (uri.ServiceRoot.AbsoluteUri, set.Name, entity, query["$select"].ToString(), query["$expand"].ToString());
        if (ContextUrls.TryGetValue(key, out var cached)) return cached;
        using var buffer = new MemoryStream();
        var message = new ResponseMessage(buffer);
        using (var writer = new ODataMessageWriter((IODataResponseMessage)message, Settings(uri), model.Edm))
        {
            if (entity)
            {
                var w = writer.CreateODataResourceWriter(set.EntitySet, set.Type.Edm);
                w.WriteStart(new ODataResource { Properties = [] });
                w.WriteEnd();
                w.Flush();
            }
            else
            {
                var w = writer.CreateODataResourceSetWriter(set.EntitySet, set.Type.Edm);
                w.WriteStart(new ODataResourceSet());
                w.WriteEnd();
                w.Flush();
            }
        }
        var context = JsonDocument.Parse(buffer.ToArray()).RootElement.GetProperty("@odata.context").GetString()!;
        if (ContextUrls.Count < MaxContextUrls) ContextUrls[key] = context;
        return context;
    }

    private static ODataMessageWriterSettings Settings(ODataUri uri)
    {
        var settings = new ODataMessageWriterSettings
        {
            ODataUri = uri, BaseUri = uri.ServiceRoot, EnableMessageStreamDisposal = false, Version = ODataVersion.V4, Validations = ValidationKinds.None,
        };
        settings.SetContentType(ODataFormat.Json);
        return settings;
    }

    private static async Task WriteAsync(HttpResponse response, ODataModel model, ODataUri uri, Action<ODataMessageWriter> write)
    {
        using var buffer = new MemoryStream();
        var message = new ResponseMessage(buffer);
        using (var writer = new ODataMessageWriter((IODataResponseMessage)message, Settings(uri), model.Edm))
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

    private static void Resource(Utf8JsonWriter json, ODataShape shape, object?[] row)
    {
        json.WriteStartObject();
        Properties(json, shape, row);
        json.WriteEndObject();
    }

    /// <summary>The selected properties in the shape's (the model's) order, then the expanded navigations.</summary>
    private static void Properties(Utf8JsonWriter json, ODataShape shape, object?[] row)
    {
        var properties = shape.Properties;
        for (var i = 0; i < properties.Count; i++)
        {
            json.WritePropertyName(properties[i].Name);
            Value(json, row[i]);
        }
        for (var e = 0; e < shape.Expands.Count; e++)
        {
            var expand = shape.Expands[e];
            var value = row[properties.Count + e];
            json.WritePropertyName(expand.Navigation.Name);
            if (expand.Navigation.IsCollection)
            {
                json.WriteStartArray();
                foreach (var child in (IEnumerable<object?[]>)value!) Resource(json, expand.Shape, child);
                json.WriteEndArray();
            }
            else if (value is object?[] single)
            {
                Resource(json, expand.Shape, single);
            }
            else
            {
                json.WriteNullValue();
            }
        }
    }

    /// <summary>
    /// A CLR value as Microsoft.OData.Core writes its EDM value: UTC DateTime as an Edm.DateTimeOffset ("Z", trailing zeros
    /// of the fraction dropped), DateOnly as Edm.Date, enums by member name, Int64 and Decimal as JSON numbers
    /// (IEEE754Compatible=false), non-finite floating values as strings.
    /// </summary>
    private static void Value(Utf8JsonWriter json, object? value)
    {
        Span<char> chars = stackalloc char[40];
        switch (value)
        {
            case null: json.WriteNullValue(); break;
            case string s: json.WriteStringValue(s); break;
            case Guid g: json.WriteStringValue(g); break;
            case int i: json.WriteNumberValue(i); break;
            case long l: json.WriteNumberValue(l); break;
            case short sh: json.WriteNumberValue(sh); break;
            case byte b: json.WriteNumberValue(b); break;
            case bool flag: json.WriteBooleanValue(flag); break;
            case decimal m: json.WriteNumberValue(m); break;
            case DateTime dt:
                DateTime.SpecifyKind(dt, DateTimeKind.Utc).TryFormat(chars, out var written, "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);
                json.WriteStringValue(chars[..written]);
                break;
            case DateTimeOffset dto:
                dto.TryFormat(chars, out written, dto.Offset == TimeSpan.Zero ? "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'" : "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture);
                json.WriteStringValue(chars[..written]);
                break;
            case DateOnly d:
                d.TryFormat(chars, out written, "yyyy-MM-dd", CultureInfo.InvariantCulture);
                json.WriteStringValue(chars[..written]);
                break;
            case Enum e: json.WriteStringValue(e.ToString()); break;
            case double x when double.IsFinite(x): json.WriteNumberValue(x); break;
            case float x when float.IsFinite(x): json.WriteNumberValue(x); break;
            case double or float:
                var f = Convert.ToDouble(value, CultureInfo.InvariantCulture);
                json.WriteStringValue(double.IsNaN(f) ? "NaN" : f > 0 ? "INF" : "-INF");
                break;
            default: throw new InvalidOperationException($"OData JSON has no writer for {value.GetType().Name} values.");
        }
    }

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
