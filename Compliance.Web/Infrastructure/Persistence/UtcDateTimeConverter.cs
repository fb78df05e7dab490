using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Compliance.Web.Infrastructure.Persistence;

/// <summary>All times are UTC: SQLite returns unspecified kinds, and Npgsql's timestamptz accepts only UTC.</summary>
public sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    v => v.Kind == DateTimeKind.Utc ? v : DateTime.SpecifyKind(v.ToUniversalTime(), DateTimeKind.Utc),
    v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
