using Bogus;
using Compliance.Domain.Suppliers;
using Compliance.Domain.Tenancy;
using Compliance.Web.Infrastructure.Identity;
using Compliance.Web.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Compliance.Web.Infrastructure.Seeding;

/// <summary>
/// On first start with an empty database (and Compliance:SeedDemo not false), creates a demo organization with
/// about 200 suppliers across many countries, and prints how to sign in.
/// </summary>
public static class DemoData
{
    public const string AdminEmail = "demo@compliance.local";
    public const string AuditorEmail = "auditor@compliance.local";
    public const string Password = "demo-password-2026";
    public const int SupplierCount = 200;

    // Countries weighted towards where apparel, electronics, food and building materials are sourced.
    private static readonly string[] SupplierCountries =
    [
        "CN", "CN", "CN", "VN", "VN", "BD", "BD", "IN", "IN", "TR", "TR", "MY", "TH", "ID", "PK", "KH", "MX", "BR",
        "CI", "GH", "ET", "PE", "CO", "GT", "PH", "LK", "US", "DE", "IT", "PT", "PL", "MA", "EG", "UZ", "TW", "KR", "JP",
    ];

    private static readonly (string Name, string? Hs)[] Products =
    [
        ("Cotton yarn", "5205"), ("Raw cotton", "5201"), ("Knitted T-shirts", "6109"), ("Denim jeans", "6203"), ("Garments", null),
        ("Cocoa beans", "1801"), ("Coffee", "0901"), ("Cane sugar", "1701"), ("Palm oil", "1511"), ("Shrimp", "0306"),
        ("Printed circuit assemblies", "8534"), ("Lithium-ion cells", "8507"), ("Solar modules", "8541"), ("Polysilicon", "2804"),
        ("Fired clay bricks", "6904"), ("Gloves", "4015"), ("Footwear", "6403"), ("Leather hides", "4104"), ("Tomatoes", "0702"),
        ("Carpets", "5701"), ("Fish fillets", "0304"), ("Tungsten ore", "2611"), ("Cobalt hydroxide", "8105"), ("Timber", "4403"),
    ];

    public static async Task SeedIfEmptyAsync(IServiceProvider services, IConfiguration configuration, ILogger log, CancellationToken ct = default)
    {
        if (!configuration.GetValue("Compliance:SeedDemo", true)) return;
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ComplianceDbContext>();
        if (await db.Organizations.AnyAsync(ct) || await db.Users.AnyAsync(ct)) return;

        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var clock = scope.ServiceProvider.GetRequiredService<TimeProvider>();
        var now = clock.GetUtcNow().UtcDateTime;

        var organization = new Organization
        {
            Name = "Demo Outfitters Inc.",
            Slug = "demo",
            Kinds = OrganizationKinds.Company | OrganizationKinds.FederalContractor,
            IsRetailSellerOrManufacturer = true,
            DoesBusinessInCalifornia = true,
            AnnualWorldwideGrossReceiptsUsd = 450_000_000m,
            CreatedAt = now,
        };
        db.Organizations.Add(organization);
        await db.SaveChangesAsync(ct);
        db.Tenant.Use(organization.Id);

        foreach (var (email, role) in new[] { (AdminEmail, Role.Admin), (AuditorEmail, Role.Auditor) })
        {
            var user = new AppUser { UserName = email, Email = email, DisplayName = email, EmailConfirmed = true };
            var created = await users.CreateAsync(user, Password);
            if (!created.Succeeded) throw new InvalidOperationException(string.Join("; ", created.Errors.Select(e => e.Description)));
            db.Memberships.Add(new Membership { UserId = user.Id, Role = role, CreatedAt = now });
            if (role == Role.Admin)
                db.Memberships.Add(new Membership { UserId = user.Id, Role = Role.GrievanceHandler, CreatedAt = now });
        }

        db.Suppliers.AddRange(Suppliers(now));
        await db.SaveChangesAsync(ct);
        await GrievancesAsync(db, scope.ServiceProvider.GetRequiredService<Features.Grievances.GrievanceProtector>(), clock, ct);
        log.LogWarning("Seeded the demo organization '{Organization}' with {Count} suppliers. Sign in at /Account/Login as {Email} with password {Password} (auditor: {Auditor}).",
            organization.Name, SupplierCount, AdminEmail, Password, AuditorEmail);
    }

    /// <summary>A few worker reports, made through the same handlers as the public form, so the register and a case have something to show.</summary>
    private static async Task GrievancesAsync(ComplianceDbContext db, Features.Grievances.GrievanceProtector protector, TimeProvider clock, CancellationToken ct)
    {
        (string Category, string Language, string Text, string? Contact)[] reports =
        [
            ("DocumentsKept", "vi", "Quản đốc giữ hộ chiếu của chúng tôi và nói sẽ trả lại sau hai năm.", null),
            ("WagesWithheld", "es", "Nos deben tres meses de horas extra en la línea de costura 4.", "WhatsApp +52 55 0000 0000"),
            ("ExcessiveOvertime", "en", "We work 7 days a week during peak season and cannot refuse overtime.", null),
        ];
        foreach (var (category, language, text, contact) in reports)
        {
            var receipt = await Features.Grievances.SubmitGrievance.HandleAsync(new(category, text, language, "Sewing line 4", contact),
                Domain.Grievances.GrievanceChannel.WebForm, db, protector, clock, ct);
            if (category == "WagesWithheld" && receipt.Value is { } r)
            {
                await Features.Grievances.MoveGrievance.HandleAsync(r.Id, new(Domain.Grievances.GrievanceStatus.Acknowledged), db, clock, ct);
                await Features.Grievances.WriteGrievanceMessage.HandleAsync(r.Id, new("Gracias. Estamos revisando los registros de horas de la línea 4."), AdminEmail, db, protector, clock, ct);
            }
        }
    }

    /// <summary>Deterministic fake suppliers (fixed seed), so the demo looks the same on every machine.</summary>
    public static List<Supplier> Suppliers(DateTime now, int count = SupplierCount, int seed = 2026)
    {
        var faker = new Faker("en") { Random = new Randomizer(seed) };
        var suppliers = new List<Supplier>(count);
        for (var i = 1; i <= count; i++)
        {
            var country = faker.PickRandom(SupplierCountries);
            var company = faker.Company.CompanyName();
            var supplier = new Supplier
            {
                ExternalReference = $"V-{100000 + i}",
                Name = $"{company} {LegalForm(country, faker)}".Trim(),
                Country = country,
                Address = $"{faker.Address.StreetAddress()}, {faker.Address.City()}",
                Tier = faker.Random.WeightedRandom([1, 2, 3], [0.7f, 0.2f, 0.1f]),
                Status = faker.Random.WeightedRandom([SupplierStatus.Active, SupplierStatus.Onboarding, SupplierStatus.Suspended], [0.85f, 0.1f, 0.05f]),
                Duns = faker.Random.Bool(0.4f) ? faker.Random.ReplaceNumbers("#########") : null,
                CreatedAt = now,
                UpdatedAt = now,
            };
            if (faker.Random.Bool(0.15f)) supplier.AlternateNames.Add(company.ToUpperInvariant());
            foreach (var (name, hs) in faker.PickRandom(Products, faker.Random.Int(1, 3)))
                supplier.Products.Add(new SupplierProduct { Name = name, HsCode = hs, OriginCountry = faker.Random.Bool(0.8f) ? country : faker.PickRandom(SupplierCountries) });
            suppliers.Add(supplier);
        }
        return suppliers;
    }

    private static string LegalForm(string country, Faker faker) => country switch
    {
        "CN" => faker.PickRandom("Co., Ltd.", "Manufacturing Co., Ltd."),
        "DE" => "GmbH",
        "VN" => "Joint Stock Company",
        "TR" => "A.Ş.",
        "BR" or "PT" or "MX" or "PE" or "CO" => "S.A.",
        "IN" or "BD" or "PK" or "LK" => "Pvt. Ltd.",
        "MY" or "TH" or "ID" or "PH" => "Sdn. Bhd.",
        _ => faker.PickRandom("Ltd.", "Inc.", "LLC"),
    };
}
