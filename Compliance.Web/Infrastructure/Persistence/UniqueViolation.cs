using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Compliance.Web.Infrastructure.Persistence;

public static class UniqueViolation
{
    /// <summary>True when the save failed on a unique index (SQLite extended code 2067, PostgreSQL SQLSTATE 23505).</summary>
    public static bool Is(DbUpdateException e) => e.InnerException switch
    {
        SqliteException s => s.SqliteExtendedErrorCode == 2067,
        PostgresException p => p.SqlState == PostgresErrorCodes.UniqueViolation,
        _ => false,
    };
}
