using System.Text.Json;
using Compliance.Domain.Common;
using Compliance.Web.Infrastructure.Tenancy;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Compliance.Web.Infrastructure.Http;

/// <summary>
/// Turns exceptions that reach the pipeline into ProblemDetails: malformed input names the JSON path,
/// tenant violations answer 404, and anything unexpected is a 500 that shows no internals.
/// </summary>
public sealed class ProblemExceptionHandler(IProblemDetailsService problems, ILogger<ProblemExceptionHandler> log) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ProblemDetails problem;
        switch (exception)
        {
            case BadHttpRequestException { InnerException: JsonException json }:
                var field = FieldOf(json.Path);
                var violation = new RuleViolation(field, "malformed_json",
                    $"The request body is not valid JSON for this operation at '{field}'" + (json.LineNumber is { } line ? $" (line {line + 1}, byte {json.BytePositionInLine + 1})." : "."));
                problem = new ValidationProblemDetails(new RuleViolations { violation }.ToDictionary())
                {
                    Status = StatusCodes.Status400BadRequest,
                    Title = "The request body is not valid JSON",
                    Extensions = { ["violations"] = new[] { new { field = violation.Field, code = violation.Code, message = violation.Message } } },
                };
                break;
            case BadHttpRequestException bad:
                problem = new ProblemDetails { Status = bad.StatusCode, Title = "Bad request", Detail = bad.Message };
                break;
            case CrossTenantWriteException:
                log.LogWarning(exception, "Refused a cross-tenant write");
                problem = new ProblemDetails { Status = StatusCodes.Status404NotFound, Title = "Not found" };
                break;
            case TenantNotResolvedException:
                problem = new ProblemDetails { Status = StatusCodes.Status403Forbidden, Title = "No organization selected" };
                break;
            case IssuedDisclosureChangeException:
                problem = new ProblemDetails { Status = StatusCodes.Status409Conflict, Title = "Conflict with existing data", Detail = exception.Message };
                break;
            case Blobs.BlobStoreFullException:
                log.LogError(exception, "The blob store is full");
                problem = new ProblemDetails { Status = StatusCodes.Status507InsufficientStorage, Title = "Storage is full",
                    Detail = "The file store has no room for this upload. Nothing was stored; try again once an operator has freed space." };
                break;
            case var e when DatabaseUnavailable.Is(e):
                // A restart or failover of the database: the request can be retried shortly. Its writes are one transaction, so
                // they are all stored or none, but a connection lost during the COMMIT may have lost only the answer.
                log.LogWarning("Database unavailable: {Reason}", exception.GetBaseException().Message);
                httpContext.Response.Headers.RetryAfter = "5";
                problem = new ProblemDetails { Status = StatusCodes.Status503ServiceUnavailable, Title = "Service unavailable",
                    Detail = "The database is not answering; retry in a few seconds. A change is saved whole or not at all, but one cut off while it was being saved may have been stored: check before repeating it." };
                break;
            default:
                return false; // the default handler logs it and answers 500 without details
        }
        httpContext.Response.StatusCode = problem.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }

    /// <summary>"$.products[0].name" → "products[0].name"; the root is "body".</summary>
    private static string FieldOf(string? path) =>
        string.IsNullOrEmpty(path) || path == "$" ? "body" : path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');
}

/// <summary>Whether an exception means the database could not be reached (restart, failover, network), not that the request was wrong.</summary>
public static class DatabaseUnavailable
{
    public static bool Is(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
            switch (e)
            {
                // 57P01 admin shutdown, 57P02 crash shutdown, 57P03 cannot connect now, 53300 too many connections, 08xxx connection exceptions.
                case Npgsql.PostgresException pg when pg.SqlState is "57P01" or "57P02" or "57P03" or "53300" || pg.SqlState.StartsWith("08", StringComparison.Ordinal):
                case Npgsql.NpgsqlException { InnerException: System.Net.Sockets.SocketException or IOException or TimeoutException }:
                case Npgsql.NpgsqlException { IsTransient: true } when e is not Npgsql.PostgresException:
                case System.Net.Sockets.SocketException:
                    return true;
            }
        return false;
    }
}
