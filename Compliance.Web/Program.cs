using System.Text.Json.Serialization;
using Microsoft.AspNetCore.DataProtection;
using Compliance.Web.Features;
using Compliance.Web.Infrastructure.Blobs;
using Compliance.Web.Features.Suppliers.Import;
using Compliance.Web.Infrastructure.Http;
using Compliance.Web.Infrastructure.Identity;
using Compliance.Web.Infrastructure.Jobs;
using Compliance.Web.Infrastructure.Persistence;
using Compliance.Web.Infrastructure.Seeding;

if (args is ["schema-script", var provider])
{
    Console.WriteLine(SchemaScript.For(Enum.Parse<DatabaseProvider>(provider, ignoreCase: true)));
    return;
}

var builder = WebApplication.CreateBuilder(args);

// PDFsharp runs under the AGPL (the product's licence) unless a commercial key is configured.
Compliance.Reports.Pdf.PdfLicensing.Configure(builder.Configuration["Pdf:LicenseKey"]);

builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddComplianceDatabase(builder.Configuration, builder.Environment);
builder.Services.AddComplianceBlobs(builder.Configuration, builder.Environment);
builder.Services.AddComplianceIdentity();
builder.Services.AddComplianceJobs(builder.Configuration, builder.Environment);
builder.Services.AddSingleton<Compliance.Web.Infrastructure.Screening.ScreeningLists>();
builder.Services.AddSingleton<Compliance.Web.Features.Screening.ScreeningSignal>();
builder.Services.AddScoped<Compliance.Web.Features.Screening.ScreeningPass>();
builder.Services.AddHostedService<Compliance.Web.Features.Screening.ScreeningRunWorker>();
// Imported suppliers are screened against the stored lists (registered before the import's own fallback).
builder.Services.AddScoped<Compliance.Web.Features.Suppliers.Import.ISupplierScreening, Compliance.Web.Features.Suppliers.ScreenSuppliers>(sp => sp.GetRequiredService<Compliance.Web.Features.Suppliers.ScreenSuppliers>());
builder.Services.AddScoped<Compliance.Web.Features.Suppliers.ScreenSuppliers>();
builder.Services.AddSupplierImports(builder.Configuration);
Compliance.Web.OData.ODataEndpoint.AddComplianceOData(builder.Services, builder.Configuration);
// Keys live in the database: they survive restarts, and every instance reads what another encrypted.
builder.Services.AddDataProtection().SetApplicationName("Compliance");
builder.Services.AddDatabaseKeyRing();
builder.Services.AddSingleton<Compliance.Web.Features.Grievances.GrievanceProtector>();
// FAR 52.222-50(h)(1): the compliance-plan threshold steps (Attestations:Thresholds, or the FAR history built in).
builder.Services.AddSingleton(Compliance.Web.Features.Attestations.ThresholdSetup.From(builder.Configuration));
builder.Services.AddComplianceRateLimits(builder.Configuration);
// Behind a load balancer the client address arrives in X-Forwarded-For; only loopback proxies are trusted by default.
// (The address partitions rate limits in memory; nothing stores or logs it.)
builder.Services.Configure<Microsoft.AspNetCore.Builder.ForwardedHeadersOptions>(o =>
    o.ForwardedHeaders = Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedFor | Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedProto);
builder.Services.AddProblemDetails();
builder.Services.AddExceptionHandler<ProblemExceptionHandler>();
builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
builder.Services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
builder.Services.AddOpenApi(o => o.AddDocumentTransformer((document, _, _) =>
{
    document.Info.Title = "Compliance API";
    document.Info.Description = "Supply-chain forced-labour due diligence. Authenticate with `Authorization: Bearer <api token>`; errors are RFC 9457 ProblemDetails.";
    document.Components ??= new Microsoft.OpenApi.OpenApiComponents();
    document.Components.SecuritySchemes ??= new Dictionary<string, Microsoft.OpenApi.IOpenApiSecurityScheme>();
    document.Components.SecuritySchemes["bearer"] = new Microsoft.OpenApi.OpenApiSecurityScheme
    {
        Type = Microsoft.OpenApi.SecuritySchemeType.Http,
        Scheme = "bearer",
        Description = "An API token created at sign-up or by an Admin (POST /api/v1/tokens).",
    };
    return Task.CompletedTask;
}));
builder.Services.AddScoped<Compliance.Web.Pages.Shared.LayoutModel>();
builder.Services.AddRazorPages(o =>
{
    // Every page needs a member of an organization, except the contracting officers' folder (they belong to none) and
    // sign-out, which everyone signed in must reach.
    o.Conventions.AddFolderApplicationModelConvention("/", page =>
    {
        if (!page.ViewEnginePath.StartsWith("/Officer/", StringComparison.Ordinal) && page.ViewEnginePath != "/Account/Logout")
            page.EndpointMetadata.Add(new Microsoft.AspNetCore.Authorization.AuthorizeAttribute(Policies.Read));
    });
    o.Conventions.AuthorizeFolder("/Account", Policies.SignedIn);
    o.Conventions.AuthorizePage("/Suppliers/Edit", Policies.Write);
    o.Conventions.AuthorizePage("/Audits/Edit", Policies.Write);
    o.Conventions.AuthorizePage("/Audits/Import", Policies.Write);
    o.Conventions.AuthorizePage("/Suppliers/Import/Index", Policies.Write);
    o.Conventions.AuthorizePage("/Suppliers/Import/Preview", Policies.Write);
    o.Conventions.AuthorizeFolder("/Tokens", Policies.Admin);
    o.Conventions.AuthorizePage("/Grievances/Details", Policies.GrievanceContent);
    o.Conventions.AuthorizePage("/Grievances/Record", Policies.GrievanceContent);
    // The workers' grievance form and follow-up: no account, ever.
    o.Conventions.AllowAnonymousToFolder("/Report");
    // The published California disclosure (Cal. Civ. Code 1714.43(b)): the company links it from its homepage.
    o.Conventions.AllowAnonymousToFolder("/Published");
    // Supplier contacts sign certifications through their link, without an account.
    o.Conventions.AllowAnonymousToFolder("/Certify");
    // Contracting officers belong to no organization: their pages live in their own folder, under their own policy.
    o.Conventions.AuthorizeFolder("/Officer", Policies.ContractingOfficer);
    o.Conventions.AuthorizePage("/Attestations/Plan", Policies.Read);
    o.Conventions.AllowAnonymousToPage("/Account/Login");
    o.Conventions.AllowAnonymousToPage("/Account/AccessDenied");
    o.Conventions.AllowAnonymousToPage("/Error");
});

var app = builder.Build();

await Database.UnderStartupLockAsync(app.Services, async () =>
{
    await Database.MigrateAsync(app.Services);
    await DataProtectionKeys.PrepareAsync(app.Services, Database.DataPath(app.Configuration, app.Environment));
});
// Platform operators bind contracting officers to agencies from the command line (see ContractingOfficerAccounts).
if (await ContractingOfficerAccounts.RunCommandAsync(args, app.Services)) return;
await Database.UnderStartupLockAsync(app.Services, async () =>
{
    await DemoData.SeedIfEmptyAsync(app.Services, app.Configuration, app.Logger);
    // Bundled editions not yet stored become platform lists; every organization is then re-screened against them.
    if (await Compliance.Web.Infrastructure.Screening.BundledRiskListSeeding.SeedAsync(app.Services) > 0)
        await Compliance.Web.Features.Screening.ScreeningQueue.EnqueueForEveryOrganizationAsync(app.Services,
            Compliance.Domain.Screening.ScreeningTrigger.NewListEdition, AuditTrail.SystemActor, CancellationToken.None);
});

app.UseForwardedHeaders();
app.UseExceptionHandler();
app.UseStatusCodePages();
if (!app.Environment.IsDevelopment()) app.UseHsts();
app.UseStaticFiles();
app.UseRouting();
app.UseAuthentication();
app.UseRateLimiter();
app.UseAuthorization();

app.MapComplianceApi();
app.MapRazorPages();

app.Run();

/// <summary>Entry point type, for WebApplicationFactory in the tests.</summary>
public partial class Program;
