using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Compliance.Tests.Fixtures;

/// <summary>
/// One throwaway PostgreSQL cluster for the whole test run: initdb into a temp folder, started on a free loopback
/// port (as user postgres through runuser when the tests run as root, since initdb refuses root), stopped when the
/// test process exits. Each test gets a fresh database on it.
/// </summary>
public sealed class PostgresServer
{
    private static readonly Lazy<Task<PostgresServer>> Shared = new(() => StartAsync(durable: false));

    private readonly string binaries;
    private readonly string dataDirectory;
    private readonly string root;
    private readonly string options;
    private readonly bool asRoot;
    private int databaseCount;

    public int Port { get; }

    private PostgresServer(string binaries, string dataDirectory, string root, string options, bool asRoot, int port)
    {
        this.binaries = binaries;
        this.dataDirectory = dataDirectory;
        this.root = root;
        this.options = options;
        this.asRoot = asRoot;
        Port = port;
    }

    public static Task<PostgresServer> InstanceAsync() => Shared.Value;

    /// <summary>
    /// A cluster of the test's own, for tests that stop and restart the server (fault tests); stopped at process exit.
    /// Durable, as production is: a commit the app acknowledged must survive the server being killed.
    /// </summary>
    public static Task<PostgresServer> StartPrivateAsync() => StartAsync(durable: true);

    /// <summary>Stops the server at once, as a crash or a restart would (connections drop mid-flight).</summary>
    public Task StopAsync() => RunAsync(asRoot, Path.Combine(binaries, "pg_ctl"), "-D", dataDirectory, "-m", "immediate", "-w", "stop");

    public Task StartAgainAsync() =>
        RunAsync(asRoot, Path.Combine(binaries, "pg_ctl"), "-D", dataDirectory, "-o", options, "-l", Path.Combine(root, "server.log"), "-w", "-t", "60", "start");

    public string ConnectionString(string database) =>
        $"Host=127.0.0.1;Port={Port};Username=postgres;Database={database};Maximum Pool Size=20;Include Error Detail=true";

    /// <summary>Creates an empty database and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = $"test_{Environment.ProcessId}_{Interlocked.Increment(ref databaseCount)}";
        await using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await command.ExecuteNonQueryAsync();
        return ConnectionString(name);
    }

    private static async Task<PostgresServer> StartAsync(bool durable)
    {
        var binaries = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin"))
                .Where(d => File.Exists(Path.Combine(d, "initdb")))
                .OrderByDescending(d => int.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), out var v) ? v : 0)
                .FirstOrDefault()
            : null;
        if (binaries is null)
            throw new InvalidOperationException("PostgreSQL server binaries are not installed (/usr/lib/postgresql/*/bin/initdb). Run ./test.sh, which installs them.");

        RemoveAbandoned();
        var root = Directory.CreateTempSubdirectory("compliance-pg-").FullName;
        var data = Path.Combine(root, "data");
        var asRoot = Environment.UserName == "root";
        if (asRoot) Run("chown", "-R", "postgres:postgres", root);

        await RunAsync(asRoot, Path.Combine(binaries, "initdb"), "-D", data, "-U", "postgres", "--auth=trust", "--encoding=UTF8", "--locale=C.UTF-8", "--no-sync");
        var port = FreePort();
        // Durability is not what most tests measure, so the shared cluster trades it for speed; the fault tests' own clusters keep it.
        var durability = durable ? "" : " -c fsync=off -c synchronous_commit=off -c full_page_writes=off";
        // A small WAL: the default lets each cluster keep up to 1 GB of it on disk.
        var options = $"-c listen_addresses=127.0.0.1 -c port={port} -c unix_socket_directories={root}{durability} -c max_connections=300 -c max_wal_size=128MB -c min_wal_size=32MB";
        await RunAsync(asRoot, Path.Combine(binaries, "pg_ctl"), "-D", data, "-o", options, "-l", Path.Combine(root, "server.log"), "-w", "-t", "60", "start");

        var server = new PostgresServer(binaries, data, root, options, asRoot, port);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => server.Stop();
        return server;
    }

    private void Stop()
    {
        try
        {
            var args = new[] { Path.Combine(binaries, "pg_ctl"), "-D", dataDirectory, "-m", "immediate", "-w", "stop" };
            if (asRoot) Run("runuser", ["-u", "postgres", "--", .. args]);
            else Run(args[0], args[1..]);
        }
        catch (InvalidOperationException)
        {
            // Already stopped (a fault test stops its own cluster).
        }
        try
        {
            Directory.Delete(root, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The process is exiting; a leftover temp folder is harmless.
        }
    }

    /// <summary>
    /// Clusters of earlier test runs whose server is gone: the test host ends the process before the exit handler has
    /// deleted its cluster (hundreds of MB each; 252 of them had piled up on one machine). One touched in the last ten
    /// minutes may be another run's, still being created, so it is left alone.
    /// </summary>
    private static void RemoveAbandoned()
    {
        foreach (var folder in Directory.GetDirectories(Path.GetTempPath(), "compliance-pg-*"))
        {
            if (DateTime.UtcNow - Directory.GetLastWriteTimeUtc(folder) < TimeSpan.FromMinutes(10) || ServerRuns(Path.Combine(folder, "data"))) continue;
            try { Directory.Delete(folder, recursive: true); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
        }
    }

    /// <summary>Whether the postmaster that wrote the data folder's pid file is still a running postgres process.</summary>
    private static bool ServerRuns(string data)
    {
        var pidFile = Path.Combine(data, "postmaster.pid");
        try
        {
            return File.Exists(pidFile) && int.TryParse(File.ReadLines(pidFile).FirstOrDefault(), out var pid)
                && File.ReadAllText($"/proc/{pid}/comm").Trim() is "postgres" or "postmaster";
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false; // no such process
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static Task RunAsync(bool asRoot, string program, params string[] args) =>
        Task.Run(() =>
        {
            if (asRoot) Run("runuser", ["-u", "postgres", "--", program, .. args]);
            else Run(program, args);
        });

    private static void Run(string program, params string[] args)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = "/tmp" };
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {program}.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{program} {string.Join(' ', args)} exited with {process.ExitCode}: {stderr.Result}{stdout.Result}");
    }
}
