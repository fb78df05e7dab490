using Compliance.Web.Infrastructure.Persistence;
using Compliance.Web.Infrastructure.Storage;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Compliance.Web.Features.Suppliers.Import;

public static class ImportSetup
{
    /// <summary>The supplier import: limits, file store, the provider's batch writer, the worker, and the screening seam.</summary>
    public static IServiceCollection AddSupplierImports(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ImportLimits>(configuration.GetSection(ImportLimits.Section));
        var limits = configuration.GetSection(ImportLimits.Section).Get<ImportLimits>() ?? new ImportLimits();
        services.Configure<FormOptions>(o => o.MultipartBodyLengthLimit = Math.Max(o.MultipartBodyLengthLimit, limits.MaxFileBytes + 1024 * 1024));
        // With a shared blob store (several instances), uploads go there so any instance can finish any import.
        if (string.Equals(configuration["Blobs:Provider"], "Azure", StringComparison.OrdinalIgnoreCase))
            services.TryAddSingleton<IImportFileStore, BlobImportFileStore>();
        else
            services.TryAddSingleton<IImportFileStore, FileSystemImportFileStore>();
        services.AddScoped<ISupplierBatchWriter>(s => Database.ProviderFrom(configuration) == DatabaseProvider.Postgres
            ? new PostgresSupplierBatchWriter() : new SqliteSupplierBatchWriter(s.GetRequiredService<IOptions<ImportLimits>>().Value.SqliteHoldRows));
        services.AddSingleton<ImportSignal>();
        services.TryAddSingleton<IImportObserver, LoggingImportObserver>();
        // Replaced by the real screener when the screening feature lands.
        services.TryAddScoped<ISupplierScreening, ScreeningNotYetAvailable>();
        services.AddScoped<RunImport>();
        services.AddHostedService<SupplierImportWorker>();
        return services;
    }

    public static void Map(RouteGroupBuilder api)
    {
        var limits = ((IEndpointRouteBuilder)api).ServiceProvider.GetRequiredService<IOptions<ImportLimits>>().Value;
        PreviewImport.Map(api, limits);
        StartImport.Map(api, limits);
        GetImport.Map(api);
        RejectedRows.Map(api);
    }
}
