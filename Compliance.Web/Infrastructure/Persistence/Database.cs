using Compliance.Web.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Compliance.Web.Infrastructure.Persistence;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

public static class Database
{
    public static DatabaseProvider ProviderFrom(IConfiguration configuration) =>
        Enum.TryParse<DatabaseProvider>(configuration["Database:Provider"] ?? nameof(DatabaseProvider.Sqlite), ignoreCase: true, out var p)
            ? p
            : throw new InvalidOperationException($"Database:Provider must be Sqlite or Postgres, not '{configuration["Database:Provider"]}'.");

    /// <summary>Folder for the SQLite file and filesystem blobs (Compliance:DataPath, default App_Data under the content root).</summary>
    public static string DataPath(IConfiguration configuration, IHostEnvironment environment)
    {
        var path = Path.GetFullPath(configuration["Compliance:DataPath"] ?? "App_Data", environment.ContentRootPath);
        Directory.CreateDirectory(path);
        return path;
    }

    public static IServiceCollection AddComplianceDatabase(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddHttpContextAccessor();
        services.AddScoped<TenantContext>();
        services.AddScoped<AuditTrail>();
        services.AddSingleton<TenantSaveGuard>();

        var connectionString = ConnectionString(configuration, environment);
        switch (ProviderFrom(configuration))
        {
            case DatabaseProvider.Sqlite:
                services.AddDbContext<ComplianceDbContext, SqliteComplianceDbContext>((sp, o) => Configure(sp, o.UseSqlite(connectionString).AddInterceptors(new UnicodeCaseFunctions())));
                break;
            case DatabaseProvider.Postgres:
                services.AddDbContext<ComplianceDbContext, PostgresComplianceDbContext>((sp, o) => Configure(sp, o.UseNpgsql(connectionString)));
                break;
        }
        return services;
    }

    /// <summary>ConnectionStrings:Compliance, or for SQLite the file in the data folder.</summary>
    public static string ConnectionString(IConfiguration configuration, IHostEnvironment environment) =>
        configuration.GetConnectionString("Compliance") is { Length: > 0 } configured ? configured
        : ProviderFrom(configuration) == DatabaseProvider.Sqlite ? $"Data Source={Path.Combine(DataPath(configuration, environment), "compliance.db")}"
        : throw new InvalidOperationException("Database:Provider is Postgres but ConnectionStrings:Compliance is not set.");

    private static void Configure(IServiceProvider services, DbContextOptionsBuilder options) =>
        options.AddInterceptors(services.GetRequiredService<TenantSaveGuard>())
            // Migrations are hand-written (no model snapshot), so EF always believes the model has pending changes.
            // A test compares the migrated schema with the model instead.
            .ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning));

    /// <summary>Applies migrations; on SQLite also turns on write-ahead logging so readers do not block the writer.</summary>
    public static async Task MigrateAsync(IServiceProvider services, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ComplianceDbContext>();
        if (db.Database.IsSqlite()) await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        await db.Database.MigrateAsync(ct);
    }

    /// <summary>
    /// Start-up work that must happen once however many instances start together (migrations, the first data protection
    /// key, demo data, bundled risk lists): on PostgreSQL the instances take turns under a session advisory lock, and each finds
    /// what the one before it did. SQLite is one process's file.
    /// </summary>
    public static async Task UnderStartupLockAsync(IServiceProvider services, Func<Task> work, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ComplianceDbContext>();
        if (!db.Database.IsNpgsql())
        {
            await work();
            return;
        }
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_lock({StartupLock})", ct);
            try
            {
                await work();
            }
            finally
            {
                await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_unlock({StartupLock})", CancellationToken.None);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private const long StartupLock = 0x436f6d706c4b6579; // "ComplKey"
}
