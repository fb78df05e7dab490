using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Compliance.Web.Infrastructure.Persistence;

/// <summary>A Data Protection key (XML, as the framework writes it). Platform data, not tenant data: every instance shares the ring.</summary>
public sealed class DataProtectionKey
{
    public int Id { get; set; }
    public string? FriendlyName { get; set; }
    public required string Xml { get; set; }
}

/// <summary>
/// Keeps the Data Protection key ring in the application database, so that every instance reads what another
/// encrypted (grievance content, sign-in cookies, antiforgery tokens) and a restart loses nothing.
/// </summary>
public sealed class DatabaseKeyRepository(IServiceScopeFactory scopes) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ComplianceDbContext>();
        return [.. db.DataProtectionKeys.AsNoTracking().OrderBy(k => k.Id).Select(k => k.Xml).AsEnumerable().Select(XElement.Parse)];
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ComplianceDbContext>();
        db.DataProtectionKeys.Add(new DataProtectionKey { FriendlyName = friendlyName, Xml = element.ToString(SaveOptions.DisableFormatting) });
        db.SaveChanges();
    }
}

public static class DataProtectionKeys
{
    public static IServiceCollection AddDatabaseKeyRing(this IServiceCollection services)
    {
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp =>
            new ConfigureOptions<KeyManagementOptions>(o => o.XmlRepository = new DatabaseKeyRepository(sp.GetRequiredService<IServiceScopeFactory>())));
        return services;
    }

    /// <summary>
    /// At start-up, after migrations: keys an earlier version kept in <c>{DataPath}/keys</c> move into the database (so what
    /// they encrypted stays readable), and a ring with no key gets its first one now, before any instance serves a request
    /// (two instances creating their first keys at the same moment is what would otherwise leave one unable to read the other).
    /// </summary>
    /// <remarks>Run under <see cref="Database.UnderStartupLockAsync"/>.</remarks>
    public static async Task PrepareAsync(IServiceProvider services, string dataPath, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        await FirstKeysAsync(services, scope.ServiceProvider.GetRequiredService<ComplianceDbContext>(), dataPath, ct);
    }

    private static async Task FirstKeysAsync(IServiceProvider services, ComplianceDbContext db, string dataPath, CancellationToken ct)
    {
        if (await db.DataProtectionKeys.AnyAsync(ct)) return;
        var folder = new DirectoryInfo(Path.Combine(dataPath, "keys"));
        if (folder.Exists)
            foreach (var file in folder.EnumerateFiles("key-*.xml").OrderBy(f => f.Name))
                db.DataProtectionKeys.Add(new DataProtectionKey { FriendlyName = Path.GetFileNameWithoutExtension(file.Name), Xml = await File.ReadAllTextAsync(file.FullName, ct) });
        if (db.ChangeTracker.HasChanges()) await db.SaveChangesAsync(ct);
        else
        {
            var keys = services.GetRequiredService<IKeyManager>();
            keys.CreateNewKey(DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddDays(90));
        }
    }
}

internal sealed class DataProtectionKeyConfiguration : Microsoft.EntityFrameworkCore.IEntityTypeConfiguration<DataProtectionKey>
{
    public void Configure(Microsoft.EntityFrameworkCore.Metadata.Builders.EntityTypeBuilder<DataProtectionKey> b) => b.Property(k => k.FriendlyName).HasMaxLength(200);
}
