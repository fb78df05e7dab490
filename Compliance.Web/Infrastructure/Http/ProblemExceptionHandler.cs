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
