using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Compliance.Web.Infrastructure.Persistence;

/// <summary>
/// SQLite's built-in lower() and upper() fold ASCII letters only ('Ä' stays 'Ä'); PostgreSQL folds all of Unicode.
/// Replacing them on every SQLite connection makes case-insensitive search (tolower/toupper in OData, the list
/// searches) find the same rows on both providers.
/// </summary>
public sealed class UnicodeCaseFunctions : DbConnectionInterceptor
{
    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Register(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Register(connection);
        return Task.CompletedTask;
    }

    private static void Register(DbConnection connection)
    {
        if (connection is not SqliteConnection sqlite) return;
        sqlite.CreateFunction<string?, string?>("lower", value => value?.ToLowerInvariant(), isDeterministic: true);
        sqlite.CreateFunction<string?, string?>("upper", value => value?.ToUpperInvariant(), isDeterministic: true);
    }
}
