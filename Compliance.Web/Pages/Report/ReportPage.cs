using Compliance.Web.Features.Grievances;
using Compliance.Web.Infrastructure.Persistence;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.EntityFrameworkCore;

namespace Compliance.Web.Pages.Report;

/// <summary>What both public grievance pages resolve first: the organization behind the slug and the form's language.</summary>
public static class ReportPage
{
    /// <summary>Acts for the slug's organization and picks the language (chosen, else the browser's); null when no organization has the slug.</summary>
    public static async Task<(string Organization, IntakeText Text)?> ResolveAsync(string slug, string? lang, HttpRequest request, ComplianceDbContext db,
        ViewDataDictionary viewData, CancellationToken ct)
    {
        if (!await PublicOrganization.UseAsync(slug, db, ct)) return null;
        var organizationId = db.Tenant.RequiredOrganizationId;
        var name = await db.Organizations.AsNoTracking().Where(o => o.Id == organizationId).Select(o => o.Name).FirstAsync(ct);
        var text = IntakeLanguages.For(lang is null ? IntakeLanguages.FromAcceptLanguage(request.Headers.AcceptLanguage) : IntakeLanguages.Resolve(lang, out _));
        viewData["Lang"] = text.Tag;
        viewData["Organization"] = name;
        return (name, text);
    }
}
