using System.Reflection;
using Compliance.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Compliance.Web.Infrastructure.Migrations;

// Migrations are SQL scripts per provider, embedded in the assembly. The first one is the provider's create
// script for the initial model (dotnet run --project Compliance.Web -- schema-script Sqlite|Postgres).
// Later ones are written by hand; the SchemaMatchesModel tests fail when one is missing.
// Add a migration: a .sql file per provider in Migrations/<Provider>/ and a class per provider below.

[DbContext(typeof(SqliteComplianceDbContext))]
[Migration("20261122070000_Initial")]
public sealed class SqliteInitial : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) => migrationBuilder.Sql(MigrationScript.Read("Sqlite", "0001_Initial"));
}

[DbContext(typeof(PostgresComplianceDbContext))]
[Migration("20261122070000_Initial")]
public sealed class PostgresInitial : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) => migrationBuilder.Sql(MigrationScript.Read("Postgres", "0001_Initial"));
}

[DbContext(typeof(SqliteComplianceDbContext))]
[Migration("20261202080000_SupplierImports")]
public sealed class SqliteSupplierImports : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) => migrationBuilder.Sql(MigrationScript.Read("Sqlite", "0002_SupplierImports"));
}

[DbContext(typeof(PostgresComplianceDbContext))]
[Migration("20261202080000_SupplierImports")]
public sealed class PostgresSupplierImports : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) => migrationBuilder.Sql(MigrationScript.Read("Postgres", "0002_SupplierImports"));
}

[DbContext(typeof(SqliteComplianceDbContext))]
[Migration("20261202090000_Audits")]
public sealed class SqliteAudits : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) => migrationBuilder.Sql(MigrationScript.Read("Sqlite", "0003_Audits"));
}

[DbContext(typeof(PostgresComplianceDbContext))]
[Migration("20261202090000_Audits")]
public sealed class PostgresAudits : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) => migrationBuilder.Sql(MigrationScript.Read("Postgres", "0003_Audits"));
}

[DbContext(typeof(SqliteComplianceDbContext))]
[Migration("20261205040000_Grievances")]
public sealed class SqliteGrievances : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) => migrationBuilder.Sql(MigrationScript.Read("Sqlite", "0004_Grievances"));
}

[DbContext(typeof(PostgresComplianceDbContext))]
[Migration("20261205040000_Grievances")]
public sealed class PostgresGrievances : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) => migrationBuilder.Sql(MigrationScript.Read("Postgres", "0004_Grievances"));
}

[DbContext(typeof(SqliteComplianceDbContext))]
[Migration("20261205080000_Disclosures")]
public sealed class SqliteDisclosures : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) => migrationBuilder.Sql(MigrationScript.Read("Sqlite", "0008_Disclosures"));
}

[DbContext(typeof(PostgresComplianceDbContext))]
[Migration("20261205080000_Disclosures")]
public sealed class PostgresDisclosures : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) => migrationBuilder.Sql(MigrationScript.Read("Postgres", "0008_Disclosures"));
}

[DbContext(typeof(SqliteComplianceDbContext))]
[Migration("20261205090000_DataProtectionKeys")]
public sealed class SqliteDataProtectionKeys : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) => migrationBuilder.Sql(MigrationScript.Read("Sqlite", "0009_DataProtectionKeys"));
}

[DbContext(typeof(PostgresComplianceDbContext))]
[Migration("20261205090000_DataProtectionKeys")]
public sealed class PostgresDataProtectionKeys : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) => migrationBuilder.Sql(MigrationScript.Read("Postgres", "0009_DataProtectionKeys"));
}

[DbContext(typeof(SqliteComplianceDbContext))]
[Migration("20261205070000_SupplierCountryNameIndex")]
public sealed class SqliteSupplierCountryNameIndex : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) => migrationBuilder.Sql(MigrationScript.Read("Sqlite", "0007_SupplierCountryNameIndex"));
}

[DbContext(typeof(PostgresComplianceDbContext))]
[Migration("20261205070000_SupplierCountryNameIndex")]
public sealed class PostgresSupplierCountryNameIndex : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) => migrationBuilder.Sql(MigrationScript.Read("Postgres", "0007_SupplierCountryNameIndex"));
}

[DbContext(typeof(SqliteComplianceDbContext))]
[Migration("20261205060000_Attestations")]
public sealed class SqliteAttestations : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) => migrationBuilder.Sql(MigrationScript.Read("Sqlite", "0006_Attestations"));
}

[DbContext(typeof(PostgresComplianceDbContext))]
[Migration("20261205060000_Attestations")]
public sealed class PostgresAttestations : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) => migrationBuilder.Sql(MigrationScript.Read("Postgres", "0006_Attestations"));
}

[DbContext(typeof(SqliteComplianceDbContext))]
[Migration("20261205050000_Screening")]
public sealed class SqliteScreening : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) => migrationBuilder.Sql(MigrationScript.Read("Sqlite", "0005_Screening"));
}

[DbContext(typeof(PostgresComplianceDbContext))]
[Migration("20261205050000_Screening")]
public sealed class PostgresScreening : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) => migrationBuilder.Sql(MigrationScript.Read("Postgres", "0005_Screening"));
}

[DbContext(typeof(SqliteComplianceDbContext))]
[Migration("20261205120000_SupplierCountryNameCoveringIndex")]
public sealed class SqliteSupplierCountryNameCoveringIndex : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) => migrationBuilder.Sql(MigrationScript.Read("Sqlite", "0012_SupplierCountryNameCoveringIndex"));
}

[DbContext(typeof(PostgresComplianceDbContext))]
[Migration("20261205120000_SupplierCountryNameCoveringIndex")]
public sealed class PostgresSupplierCountryNameCoveringIndex : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) => migrationBuilder.Sql(MigrationScript.Read("Postgres", "0012_SupplierCountryNameCoveringIndex"));
}

[DbContext(typeof(SqliteComplianceDbContext))]
[Migration("20261205160000_SupplierImportSource")]
public sealed class SqliteSupplierImportSource : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) => migrationBuilder.Sql(MigrationScript.Read("Sqlite", "0013_SupplierImportSource"));
}

[DbContext(typeof(PostgresComplianceDbContext))]
[Migration("20261205160000_SupplierImportSource")]
public sealed class PostgresSupplierImportSource : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) => migrationBuilder.Sql(MigrationScript.Read("Postgres", "0013_SupplierImportSource"));
}

internal static class MigrationScript
{
    public static string Read(string provider, string name)
    {
        var resource = $"Compliance.Web.Infrastructure.Migrations.{provider}.{name}.sql";
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"Migration script {resource} is not embedded.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
