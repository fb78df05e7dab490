using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Compliance.Web.Infrastructure.Http;

public static class RateLimits
{
    public const string SignUp = nameof(SignUp);
    public const string Login = nameof(Login);

    public static IServiceCollection AddComplianceRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var perMinute = configuration.GetValue("RateLimits:SignUpPerMinute", 10);
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            // The client address is used in memory to partition the limit and is never stored.
            o.AddPolicy(SignUp, http => RateLimitPartition.GetFixedWindowLimiter(
                http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1) }));
            o.AddPolicy(Login, http => RateLimitPartition.GetFixedWindowLimiter(
                http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = configuration.GetValue("RateLimits:LoginPerMinute", 30), Window = TimeSpan.FromMinutes(1) }));
        });
        return services;
    }
}
