using System.IO.Pipelines;

namespace Compliance.Web.Infrastructure.Http;

/// <summary>
/// Streams a download whose writer is synchronous (zip, XLSX, CSV writers): the writer runs on a worker thread into a
/// bounded pipe that the response drains, so the client gets bytes at once and memory stays flat. A writer that fails
/// cuts the response short; no client mistakes a partial file for a whole one.
/// </summary>
public static class PipedDownload
{
    public static async Task WriteAsync(HttpContext http, string contentType, string fileName, Func<Stream, CancellationToken, Task> write, CancellationToken ct)
    {
        http.Response.ContentType = contentType;
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"{fileName}\"";
        var pipe = new Pipe(new PipeOptions(pauseWriterThreshold: 1 << 20, resumeWriterThreshold: 1 << 19));
        var writing = Task.Run(async () =>
        {
            try
            {
                // leaveOpen: disposing the stream would complete the pipe as if the file were whole.
                await using (var stream = pipe.Writer.AsStream(leaveOpen: true))
                    await write(stream, ct);
                await pipe.Writer.CompleteAsync();
            }
            catch (Exception e)
            {
                await pipe.Writer.CompleteAsync(e);
            }
        }, ct);
        await pipe.Reader.CopyToAsync(http.Response.Body, ct);
        await writing;
    }

    /// <summary>A CSV download written row by row; the writer neutralises cells that could run as formulas.</summary>
    public static Task CsvAsync(HttpContext http, string fileName, Action<Compliance.Reports.Csv.CsvExportWriter> write, CancellationToken ct) =>
        WriteAsync(http, "text/csv; charset=utf-8", fileName, (stream, _) =>
        {
            using var csv = Compliance.Reports.Csv.CsvExportWriter.Create(stream, leaveOpen: true);
            write(csv);
            return Task.CompletedTask;
        }, ct);
}
