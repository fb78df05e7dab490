using System.Diagnostics;
using System.Globalization;
using System.Text;
using Compliance.Domain.Suppliers;
using Compliance.Domain.Tenancy;
using Compliance.Web.Features.Suppliers.Import;
using Compliance.Web.Infrastructure.Persistence;
using Compliance.Web.Infrastructure.Storage;
using Compliance.Web.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Compliance.Bench.Import;

/// <summary>
/// A generated supplier CSV (1,000,000 rows by default) imported through the real upload check and import job,
/// against the sqlite3 CLI's .import into the same schema and PRAGMAs, against EF Core SaveChanges, and on
/// PostgreSQL against psql \copy into an identical table on a throwaway cluster.
/// <c>dotnet run -c Release --project Compliance.Bench -- supplier-import [--size N] [--runs N] [--provider sqlite|postgres|both] [--ef-sample N] [--subject-only true] [--peer-cache-mb N]</c>
/// (<c>--subject-only</c> skips the SQLite peer: for profiling the job alone, gives no ratio; <c>--peer-cache-mb</c> gives
/// the peer another page cache than the import's, e.g. a larger one it is faster with).
/// </summary>
public sealed class ImportScenario : IScenario
{
    public string Name => "supplier-import";
    public string Description => "Supplier CSV import vs sqlite3 .import, EF Core SaveChanges, and psql \\copy";

    /// <summary>Imports:* settings given on the command line (e.g. --Imports:BatchSize 200000), to try a setting without a rebuild.</summary>
    private static readonly Dictionary<string, string?> ImportSettings = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The import connection's page cache (Imports:SqliteCacheMegabytes, as given or the default): the peer's script gets the same.</summary>
    private static int CacheMegabytes => ImportSettings.TryGetValue("Imports:SqliteCacheMegabytes", out var mb) && mb is not null
        ? int.Parse(mb, CultureInfo.InvariantCulture) : new ImportLimits().SqliteCacheMegabytes;

    /// <summary>The peer's page cache: the import's unless --peer-cache-mb says otherwise.</summary>
    private static int peerCacheMegabytes;

    public async Task RunAsync(BenchOptions options)
    {
        foreach (var (key, value) in options.Extra)
            if (key.StartsWith("Imports:", StringComparison.OrdinalIgnoreCase)) ImportSettings[key] = value;
        var size = options.Size ?? 1_000_000;
        var provider = options.Extra.GetValueOrDefault("provider", "both");
        peerCacheMegabytes = options.Extra.TryGetValue("peer-cache-mb", out var peerCache) ? int.Parse(peerCache, CultureInfo.InvariantCulture) : CacheMegabytes;
        var work = Directory.CreateTempSubdirectory("compliance-bench-import-").FullName;
        try
        {
            var csv = Path.Combine(work, "suppliers.csv");
            Generate(csv, size);
            Console.WriteLine($"{size:N0} rows, {new FileInfo(csv).Length / 1024d / 1024d:F1} MB: {csv}");
            if (provider is "sqlite" or "both") await SqliteAsync(work, csv, size, options);
            if (provider is "postgres" or "both") await PostgresAsync(work, csv, size, options);
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    // ---- SQLite ----

    private static async Task SqliteAsync(string work, string csv, int size, BenchOptions options)
    {
        // One migrated database file (WAL, the app's schema) copied for every run of both sides.
        var template = Path.Combine(work, "template.db");
        var organization = await CreateDatabaseAsync(DatabaseProvider.Sqlite, $"Data Source={template}", work);
        var runDb = Path.Combine(work, "run.db");
        void Fresh()
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var f in Directory.GetFiles(work, "run.db*")) File.Delete(f);
            File.Copy(template, runDb);
        }

        Console.WriteLine("SQLite: import job (upload check + validation + batches with audit) vs sqlite3 CLI .import + INSERT…SELECT into Suppliers");
        var memory = new List<(double Before, double Peak)>();
        var imported = false;
        Fresh();
        var cli = await SideBySide.RunAsync(
            "import", async () =>
            {
                memory.Add(await MeasuredAsync(DatabaseProvider.Sqlite, () => ImportAsync(DatabaseProvider.Sqlite, $"Data Source={runDb}", work, organization, csv, size)));
                imported = true;
            },
            "sqlite3", () => options.Extra.GetValueOrDefault("subject-only") == "true" ? Task.CompletedTask : SqliteCliAsync(runDb, csv, organization),
            options.Runs, () =>
            {
                if (imported) ScreenAfterAsync(DatabaseProvider.Sqlite, $"Data Source={runDb}", work, organization).GetAwaiter().GetResult();
                imported = false;
                Fresh();
            });
        Console.WriteLine($"SQLite import: {size / cli.SubjectMedian:N0} rows/s, sqlite3 CLI: {size / cli.PeerMedian:N0} rows/s, ratio {cli.Speedup:F2}x (target ≥ 1.25x); {Memory(memory)} (target < 250 MB)");

        // EF Core SaveChanges through the app's DbContext (tenant guard and audit trail), on a sample extrapolated by rows/s.
        // The sample is saved into a database that already holds the first half of the file (loaded by sqlite3): a save
        // costs more as the indexes outgrow the page cache, so the middle of a load stands for its average, where an
        // empty database would stand for its cheapest rows only.
        var sample = Math.Min(size - EfWarmUp, int.Parse(options.Extra.GetValueOrDefault("ef-sample", "20000"), CultureInfo.InvariantCulture));
        if (sample <= 0)
        {
            Console.WriteLine($"EF Core SaveChanges: not measured (the file needs more than the {EfWarmUp:N0}-row warm-up)");
            return;
        }
        var prefill = Math.Min(size / 2, size - EfWarmUp - sample);
        var half = Path.Combine(work, "half.db");
        File.Copy(template, half);
        if (prefill > 0)
        {
            var halfCsv = Path.Combine(work, "half.csv");
            await File.WriteAllLinesAsync(halfCsv, File.ReadLines(csv).Take(1 + prefill));
            await SqliteCliAsync(half, halfCsv, organization);
        }
        var ef = new List<double>();
        for (var run = 0; run < options.Runs; run++)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var f in Directory.GetFiles(work, "run.db*")) File.Delete(f);
            File.Copy(half, runDb);
            ef.Add(await EfCoreAsync($"Data Source={runDb}", work, organization, csv, prefill, sample));
        }
        var efMedian = ef.Order().ElementAt(ef.Count / 2);
        var efRate = sample / efMedian;
        Console.WriteLine($"EF Core SaveChanges: {sample:N0} rows after a {EfWarmUp:N0}-row warm-up, into a database holding the file's first {prefill:N0}, page cache {CacheMegabytes} MB as the import's: "
            + $"{string.Join(", ", ef.Select(e => e.ToString("F2", CultureInfo.InvariantCulture)))} s, median {efRate:N0} rows/s (extrapolated to {size:N0} rows: {size / efRate:F0} s); import is {size / cli.SubjectMedian / efRate:F1}x (target ≥ 12x)");
    }

    /// <summary>The peer: sqlite3's own CSV reader into a staging table, then one INSERT…SELECT into the real table and its indexes.</summary>
    private static async Task SqliteCliAsync(string db, string csv, Guid organization)
    {
        var org = organization.ToString().ToUpperInvariant();
        // The same page cache as the import's connection (ImportLimits.SqliteCacheMegabytes), unless --peer-cache-mb.
        var script = $"""
            PRAGMA cache_size = -{peerCacheMegabytes * 1024};
            .mode csv
            CREATE TEMP TABLE staging (ref TEXT, name TEXT, country TEXT, address TEXT, tier TEXT, duns TEXT);
            .import --csv --skip 1 '{csv}' staging
            BEGIN;
            INSERT INTO "Suppliers" ("Id", "OrganizationId", "ExternalReference", "Name", "AlternateNames", "Country", "Address", "Tier", "ParentId", "Status", "Lei", "Duns", "Uscc", "OpenSupplyHubId", "CreatedAt", "UpdatedAt")
            SELECT upper(hex(randomblob(16))), '{org}', ref, name, '[]', country, nullif(address, ''), CAST(tier AS INTEGER), NULL, 'Active', NULL, nullif(duns, ''), NULL, NULL, datetime('now'), datetime('now') FROM staging;
            COMMIT;
            """;
        await RunAsync("/usr/bin/sqlite3", [db], script);
    }

    /// <summary>
    /// Rows saved before the clock starts: EF Core's first saves build its model and compile its commands, a cost a
    /// million-row import pays once. Timing a small sample with them in made EF Core look a third slower than it is.
    /// </summary>
    private const int EfWarmUp = 1_000;

    /// <summary>Seconds EF Core takes to save <paramref name="rows"/> rows of the file after its warm-up, from row <paramref name="skip"/> + 1 on, 1,000 a SaveChanges.</summary>
    private static async Task<double> EfCoreAsync(string connectionString, string work, Guid organization, string csv, int skip, int rows)
    {
        await using var services = Services(DatabaseProvider.Sqlite, connectionString, work);
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().Use(organization);
        var db = scope.ServiceProvider.GetRequiredService<ComplianceDbContext>();
        await db.Database.OpenConnectionAsync(); // kept open for every save, with the import's page cache
        var cacheSize = "PRAGMA cache_size = -" + (CacheMegabytes * 1024).ToString(CultureInfo.InvariantCulture);
        await db.Database.ExecuteSqlRawAsync(cacheSize);
        var now = DateTime.UtcNow;
        var count = 0;
        var watch = new Stopwatch();
        foreach (var line in File.ReadLines(csv).Skip(1 + skip).Take(EfWarmUp + rows))
        {
            var f = line.Split(',');
            db.Suppliers.Add(new Supplier
            {
                ExternalReference = f[0], Name = f[1], Country = f[2], Address = f[3].Length == 0 ? null : f[3],
                Tier = int.Parse(f[4], CultureInfo.InvariantCulture), Duns = f[5].Length == 0 ? null : f[5], CreatedAt = now, UpdatedAt = now,
            });
            if (++count % 1000 != 0) continue;
            await db.SaveChangesAsync();
            db.ChangeTracker.Clear();
            if (count == EfWarmUp) watch.Start();
        }
        await db.SaveChangesAsync();
        return watch.Elapsed.TotalSeconds;
    }

    // ---- PostgreSQL ----

    private static async Task PostgresAsync(string work, string csv, int size, BenchOptions options)
    {
        await using var cluster = await ThrowawayCluster.StartAsync(work);
        Console.WriteLine($"PostgreSQL {cluster.Version} on 127.0.0.1:{cluster.Port}: import job (COPY + INSERT … ON CONFLICT) vs psql \\copy into an identical table");
        var memory = new List<(double Before, double Peak)>();
        var imported = false;
        var run = 0;
        string database = "";
        Guid organization = Guid.Empty;
        async Task FreshAsync()
        {
            database = $"bench_{++run}";
            Npgsql.NpgsqlConnection.ClearAllPools();
            await cluster.PsqlAsync("postgres", $"DROP DATABASE IF EXISTS bench_{run - 1} WITH (FORCE);");
            await cluster.PsqlAsync("postgres", $"CREATE DATABASE {database};");
            organization = await CreateDatabaseAsync(DatabaseProvider.Postgres, cluster.ConnectionString(database), work);
            // The peer's table: the same columns, types, defaults for what the file lacks, the same indexes and the same
            // foreign keys (LIKE copies no foreign key; a reference to "Suppliers" becomes one to the peer's own table).
            await cluster.PsqlAsync(database, $$"""
                CREATE TABLE peer_suppliers (LIKE "Suppliers" INCLUDING ALL);
                ALTER TABLE peer_suppliers ALTER "Id" SET DEFAULT gen_random_uuid(), ALTER "OrganizationId" SET DEFAULT '{{organization}}',
                    ALTER "AlternateNames" SET DEFAULT '{}', ALTER "Status" SET DEFAULT 'Active', ALTER "CreatedAt" SET DEFAULT now(), ALTER "UpdatedAt" SET DEFAULT now();
                DO $$ DECLARE c record; BEGIN
                    FOR c IN SELECT conname, pg_get_constraintdef(oid) AS definition FROM pg_constraint WHERE conrelid = '"Suppliers"'::regclass AND contype = 'f' LOOP
                        EXECUTE format('ALTER TABLE peer_suppliers ADD CONSTRAINT %I %s', 'peer_' || c.conname,
                            replace(c.definition, 'REFERENCES "Suppliers"(', 'REFERENCES peer_suppliers('));
                    END LOOP;
                END $$;
                DO $$ BEGIN
                    IF (SELECT count(*) FROM pg_constraint WHERE conrelid = 'peer_suppliers'::regclass AND contype = 'f' AND pg_get_constraintdef(oid) NOT LIKE '%"Suppliers"%')
                        <> (SELECT count(*) FROM pg_constraint WHERE conrelid = '"Suppliers"'::regclass AND contype = 'f') OR NOT EXISTS (SELECT FROM pg_constraint WHERE conrelid = 'peer_suppliers'::regclass AND contype = 'f')
                    THEN RAISE EXCEPTION 'peer_suppliers does not have the foreign keys of "Suppliers"'; END IF;
                END $$;
                """);
        }
        await FreshAsync();
        var result = await SideBySide.RunAsync(
            "import", async () =>
            {
                memory.Add(await MeasuredAsync(DatabaseProvider.Postgres, () => ImportAsync(DatabaseProvider.Postgres, cluster.ConnectionString(database), work, organization, csv, size)));
                imported = true;
            },
            "psql \\copy", () => cluster.PsqlAsync(database,
                $"""\copy peer_suppliers ("ExternalReference", "Name", "Country", "Address", "Tier", "Duns") FROM '{csv}' WITH (FORMAT csv, HEADER true)"""),
            options.Runs, () =>
            {
                if (imported) ScreenAfterAsync(DatabaseProvider.Postgres, cluster.ConnectionString(database), work, organization).GetAwaiter().GetResult();
                imported = false;
                FreshAsync().GetAwaiter().GetResult();
            });
        Console.WriteLine($"PostgreSQL import: {size / result.SubjectMedian:N0} rows/s, psql \\copy: {size / result.PeerMedian:N0} rows/s, ratio {result.Speedup:F2}x (target ≥ 0.85x); {Memory(memory)}");
    }

    // ---- The subject ----

    /// <summary>What an upload does: the request's check of the file (stored, read through once), then the job that imports it.</summary>
    private static bool pragmasShown;

    /// <summary>The settings that decide SQLite's write speed, as a connection sees them (the peer's are printed the same way).</summary>
    internal static readonly string[] Pragmas = ["cache_size", "synchronous", "journal_mode", "temp_store", "mmap_size", "foreign_keys", "page_size", "wal_autocheckpoint", "cache_spill"];

    private static async Task<string> PragmasAsync(Microsoft.Data.Sqlite.SqliteConnection connection)
    {
        var values = new List<string>();
        foreach (var pragma in Pragmas)
        {
            using var command = connection.CreateCommand();
            command.CommandText = $"PRAGMA {pragma}";
            values.Add($"{pragma} {await command.ExecuteScalarAsync()}");
        }
        return string.Join(", ", values) + $", SQLite {connection.ServerVersion}";
    }

    private static async Task ImportAsync(DatabaseProvider provider, string connectionString, string work, Guid organization, string csv, int size)
    {
        await using var services = Services(provider, connectionString, work);
        Guid id;
        double upload;
        await using (var scope = services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<TenantContext>().Use(organization);
            var sp = scope.ServiceProvider;
            await using var file = File.OpenRead(csv);
            var watch = Stopwatch.StartNew();
            var started = await StartImport.HandleAsync(new StartImport.Upload(file, "suppliers.csv"), queue: true, "bench",
                sp.GetRequiredService<ComplianceDbContext>(), sp.GetRequiredService<IImportFileStore>(), sp.GetRequiredService<IOptions<ImportLimits>>().Value,
                sp.GetRequiredService<ImportSignal>(), TimeProvider.System, CancellationToken.None);
            id = started.Value?.Id ?? throw new InvalidOperationException(string.Join("; ", started.Errors!.Select(e => e.Message)));
            upload = watch.Elapsed.TotalSeconds;
        }
        await using (var scope = services.CreateAsyncScope())
        {
            var claim = await CrossTenant.ClaimNextImportAsync(scope.ServiceProvider.GetRequiredService<ComplianceDbContext>(), "bench", DateTime.UtcNow, TimeSpan.FromHours(1), CancellationToken.None);
            if (claim?.ImportId != id) throw new InvalidOperationException("The import was not claimed.");
        }
        await using (var scope = services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<TenantContext>().Use(organization);
            if (provider == DatabaseProvider.Sqlite && !pragmasShown)
            {
                pragmasShown = true;
                var connection = (Microsoft.Data.Sqlite.SqliteConnection)Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions.GetDbConnection(
                    scope.ServiceProvider.GetRequiredService<ComplianceDbContext>().Database);
                await connection.OpenAsync();
                Console.WriteLine($"  app connection: {await PragmasAsync(connection)}; the import sets cache_size -{CacheMegabytes * 1024} while it runs, the peer's script -{peerCacheMegabytes * 1024}");
                await connection.CloseAsync();
            }
            // The import job without its closing hand-off to screening, which the peers do not do: ScreenAfterAsync times that.
            var job = Stopwatch.StartNew();
            await scope.ServiceProvider.GetRequiredService<RunImport>().ImportAsync(id, "bench", CancellationToken.None);
            Console.WriteLine($"  upload check {upload:F2} s, job {job.Elapsed.TotalSeconds:F2} s");
            var import = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.FirstAsync(
                scope.ServiceProvider.GetRequiredService<ComplianceDbContext>().SupplierImports, i => i.Id == id);
            if (import.Status != ImportStatus.Completed || import.AddedRows != size)
                throw new InvalidOperationException($"Import ended {import.Status} with {import.AddedRows:N0} of {size:N0} rows added.");
        }
    }

    /// <summary>The job's last step after the timed import: the imported suppliers handed to screening (the no-op seam here).</summary>
    private static async Task ScreenAfterAsync(DatabaseProvider provider, string connectionString, string work, Guid organization)
    {
        await using var services = Services(provider, connectionString, work);
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().Use(organization);
        var db = scope.ServiceProvider.GetRequiredService<ComplianceDbContext>();
        var id = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.FirstAsync(
            Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AsNoTracking(db.SupplierImports).OrderByDescending(i => i.CreatedAt).Select(i => i.Id));
        var screening = scope.ServiceProvider.GetRequiredService<ISupplierScreening>();
        var seconds = await SideBySide.Time(() => scope.ServiceProvider.GetRequiredService<RunImport>().ScreenAsync(id, CancellationToken.None));
        Console.WriteLine($"  then the hand-off of the imported suppliers to screening ({screening.GetType().Name}): {seconds:F2} s, not in the import's time (the peers do not screen)");
    }

    private static ServiceProvider Services(DatabaseProvider provider, string connectionString, string dataPath)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = provider.ToString(),
            ["ConnectionStrings:Compliance"] = connectionString,
            ["Compliance:DataPath"] = dataPath,
            ["Imports:MaxRows"] = "5000000",
            ["Imports:MaxFileBytes"] = "4000000000",
        }).AddInMemoryCollection(ImportSettings).Build();
        var environment = new BenchEnvironment(dataPath);
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSingleton<IHostEnvironment>(environment);
        services.AddLogging(l => l.SetMinimumLevel(LogLevel.Warning).AddSimpleConsole().AddFilter("Compliance.Web.Features.Suppliers.Import.ScreeningNotYetAvailable", LogLevel.Error)
            .AddFilter("Microsoft.EntityFrameworkCore", LogLevel.None)); // the first migration's probe of an empty database logs an error
        services.AddSingleton(TimeProvider.System);
        services.AddComplianceDatabase(configuration, environment);
        services.AddSupplierImports(configuration);
        return services.BuildServiceProvider();
    }

    private sealed class BenchEnvironment(string root) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = Environments.Production;
        public string ApplicationName { get; set; } = "Compliance.Bench";
        public string ContentRootPath { get; set; } = root;
        public Microsoft.Extensions.FileProviders.IFileProvider ContentRootFileProvider { get; set; } = new Microsoft.Extensions.FileProviders.NullFileProvider();
    }

    /// <summary>Migrates an empty database and adds the organization the suppliers belong to.</summary>
    private static async Task<Guid> CreateDatabaseAsync(DatabaseProvider provider, string connectionString, string work)
    {
        await using var services = Services(provider, connectionString, work);
        await Database.MigrateAsync(services);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ComplianceDbContext>();
        var organization = new Organization { Name = "Bench Apparel", Slug = "bench-apparel", CreatedAt = DateTime.UtcNow };
        db.Organizations.Add(organization);
        await db.SaveChangesAsync();
        return organization.Id;
    }

    // ---- Data, processes, memory ----

    private static readonly string[] CountryCodes = ["CN", "VN", "BD", "IN", "TR", "PK", "KH", "ID", "MX", "US", "DE", "IT", "PT", "MA", "ET", "BR", "TH", "MY", "LK", "EG"];
    private static readonly string[] Words = ["Textile", "Garment", "Knitting", "Apparel", "Cotton", "Leather", "Electronics", "Plastics", "Metal", "Packaging", "Dyeing", "Weaving", "Footwear", "Toys", "Furniture", "Silk"];
    private static readonly string[] Forms = ["Co., Ltd.", "Ltd", "JSC", "Pvt. Ltd.", "S.A. de C.V.", "GmbH", "A.S.", "Sdn Bhd", "Inc.", "LLC"];

    /// <summary>Seeded, so every run and machine imports the same file: reference, name, country, address, tier, DUNS.</summary>
    private static void Generate(string path, int rows)
    {
        var random = new Random(20261202);
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 20);
        writer.Write("Vendor No.,Vendor Name,Country,Address,Tier,DUNS\n");
        var line = new StringBuilder(160);
        for (var i = 1; i <= rows; i++)
        {
            line.Clear()
                .Append('V').Append(i.ToString("D8", CultureInfo.InvariantCulture)).Append(',')
                .Append(Words[random.Next(Words.Length)]).Append(' ').Append(Words[random.Next(Words.Length)]).Append(' ')
                .Append(i.ToString(CultureInfo.InvariantCulture)).Append(' ').Append(Forms[random.Next(Forms.Length)].Replace(",", "", StringComparison.Ordinal)).Append(',')
                .Append(CountryCodes[random.Next(CountryCodes.Length)]).Append(',')
                .Append(random.Next(1, 999)).Append(" Industrial Road ").Append(random.Next(1, 99)).Append(',')
                .Append(random.Next(1, 4)).Append(',')
                .Append(random.Next(10) < 3 ? random.Next(100_000_000, 999_999_999).ToString(CultureInfo.InvariantCulture) : "")
                .Append('\n');
            writer.Write(line);
        }
    }

    internal static async Task RunAsync(string file, IEnumerable<string> args, string? input = null)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardInput = input is not null, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        if (input is not null)
        {
            await process.StandardInput.WriteAsync(input);
            process.StandardInput.Close();
        }
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0 || (await error).Contains("Error", StringComparison.OrdinalIgnoreCase))
            throw new InvalidOperationException($"{file} {string.Join(' ', args)} failed ({process.ExitCode}): {await error}{await output}");
    }

    /// <summary>Runs an import and gives the process's resident memory before it and its peak during it.</summary>
    private static async Task<(double Before, double Peak)> MeasuredAsync(DatabaseProvider provider, Func<Task> import)
    {
        ResetPeak();
        var before = ResidentMb();
        // Where the peak goes: the managed heap (sampled) and SQLite's own allocations (its high-water mark, page cache included).
        var sqlite = provider == DatabaseProvider.Sqlite;
        if (sqlite) SQLitePCL.raw.sqlite3_memory_highwater(1);
        long managed = 0, committed = 0;
        using var sampling = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested)
            {
                managed = Math.Max(managed, GC.GetTotalMemory(false));
                committed = Math.Max(committed, GC.GetGCMemoryInfo(GCKind.Any).TotalCommittedBytes);
                try { await Task.Delay(50, sampling.Token); } catch (OperationCanceledException) { }
            }
        });
        // CPU and the collector's share: whether the run was bound by one thread (CPU close to the wall time) or by both cores.
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var wall = Stopwatch.StartNew();
        var (pauses, allocated, collections) = (GC.GetTotalPauseDuration(), GC.GetTotalAllocatedBytes(), GC.CollectionCount(0));
        await import();
        Console.WriteLine($"  CPU {(Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds:F1} s in {wall.Elapsed.TotalSeconds:F1} s; "
            + $"{(GC.GetTotalAllocatedBytes() - allocated) / 1024d / 1024d:N0} MB allocated, {GC.CollectionCount(0) - collections} collections, "
            + $"{(GC.GetTotalPauseDuration() - pauses).TotalSeconds:F1} s paused");
        var peak = PeakMb();
        await sampling.CancelAsync();
        await sampler;
        const double Mb = 1024d * 1024d;
        Console.WriteLine($"  resident before the run {before:F0} MB, peak during it {peak:F0} MB ({peak - before:F0} MB more), GC heap {GC.GetGCMemoryInfo(GCKind.Any).HeapSizeBytes / Mb:F0} MB after it");
        Console.WriteLine($"  during it: managed heap up to {managed / Mb:F0} MB (GC committed up to {committed / Mb:F0} MB)"
            + (sqlite ? $", SQLite's allocations up to {SQLitePCL.raw.sqlite3_memory_highwater(0) / Mb:F0} MB" : ""));
        return (before, peak);
    }

    /// <summary>
    /// The first run's peak is the one of a fresh process (the runtime, EF Core's model and the bench's own data are about
    /// 120 MB of it); later runs start from what earlier ones left resident (freed heap and SQLite pages the process keeps),
    /// so their absolute peaks say little and only their growth above that start is shown.
    /// </summary>
    private static string Memory(List<(double Before, double Peak)> runs) =>
        $"peak working set {runs[0].Peak:F0} MB in a fresh process ({runs[0].Peak - runs[0].Before:F0} MB above its resident {runs[0].Before:F0} MB before the import)"
        + (runs.Count > 1 ? $", later runs {runs.Skip(1).Max(r => r.Peak - r.Before):F0} MB above theirs at most" : "");

    /// <summary>Linux: writing 5 to clear_refs resets the peak resident set (VmHWM), so each run reports its own peak.</summary>
    private static void ResetPeak()
    {
        try { File.WriteAllText("/proc/self/clear_refs", "5"); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    private static double ResidentMb() =>
        long.Parse(File.ReadLines("/proc/self/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024d;

    private static double PeakMb()
    {
        var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return line is null ? SideBySide.PeakWorkingSetMb() : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024d;
    }
}
