using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Compliance.Web.Infrastructure.Http;

public static class RateLimits
{
    public const string SignUp = nameof(SignUp);
    public const string Login = nameof(Login);
    /// <summary>Public grievance intake: a flood of reports would bury the real ones.</summary>
    public const string GrievanceIntake = nameof(GrievanceIntake);
    /// <summary>Receipt look-ups and reporter replies: slows passphrase guessing to a crawl (on top of 100-bit passphrases).</summary>
    public const string GrievanceFollowUp = nameof(GrievanceFollowUp);

    public static IServiceCollection AddComplianceRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var perMinute = configuration.GetValue("RateLimits:SignUpPerMinute", 10);
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(SignUp, http => RateLimitPartition.GetFixedWindowLimiter(
                ClientOf(http),
                _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1) }));
            o.AddPolicy(Login, http => RateLimitPartition.GetFixedWindowLimiter(
                ClientOf(http),
                _ => new FixedWindowRateLimiterOptions { PermitLimit = configuration.GetValue("RateLimits:LoginPerMinute", 30), Window = TimeSpan.FromMinutes(1) }));
            // Grievance limits count posts only, so reading the form (in another language, say) is never refused.
            o.AddPolicy(GrievanceIntake, http => PostsPerClient(http, configuration.GetValue("RateLimits:GrievanceIntakePerHour", 10), TimeSpan.FromHours(1)));
            o.AddPolicy(GrievanceFollowUp, http => HttpMethods.IsGet(http.Request.Method) && http.Request.Path.StartsWithSegments("/report")
                ? RateLimitPartition.GetNoLimiter("page")
                : RateLimitPartition.GetSlidingWindowLimiter(ClientOf(http), _ => new SlidingWindowRateLimiterOptions
                {
                    PermitLimit = configuration.GetValue("RateLimits:GrievanceFollowUpPerMinute", 10), Window = TimeSpan.FromMinutes(1), SegmentsPerWindow = 6,
                }));
            o.OnRejected = async (context, ct) =>
            {
                var problem = context.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>();
                await problem.WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = context.HttpContext,
                    ProblemDetails = { Status = StatusCodes.Status429TooManyRequests, Title = "Too many requests", Detail = "Too many attempts from this client. Wait a few minutes and try again." },
                });
            };
        });
        return services;
    }

    // The client address partitions the limit in memory and is never stored or logged.
    private static string ClientOf(HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    private static RateLimitPartition<string> PostsPerClient(HttpContext http, int permits, TimeSpan window) =>
        HttpMethods.IsPost(http.Request.Method)
            ? RateLimitPartition.GetFixedWindowLimiter(ClientOf(http), _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = window })
            : RateLimitPartition.GetNoLimiter("read");
}
