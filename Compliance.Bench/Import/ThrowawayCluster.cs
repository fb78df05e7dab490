using System.Net;
using System.Net.Sockets;

namespace Compliance.Bench.Import;

/// <summary>A PostgreSQL cluster of its own in a temp folder, on a free loopback port, stopped and deleted afterwards.</summary>
public sealed class ThrowawayCluster : IAsyncDisposable
{
    private readonly string binaries;
    private readonly string root;
    private readonly bool asRoot;

    public int Port { get; }
    public string Version => Path.GetFileName(Path.GetDirectoryName(binaries)!);

    private ThrowawayCluster(string binaries, string root, int port, bool asRoot)
    {
        this.binaries = binaries;
        this.root = root;
        Port = port;
        this.asRoot = asRoot;
    }

    public string ConnectionString(string database) =>
        $"Host=127.0.0.1;Port={Port};Username=postgres;Database={database};Maximum Pool Size=10";

    public static async Task<ThrowawayCluster> StartAsync(string work)
    {
        var binaries = Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin"))
            .Where(d => File.Exists(Path.Combine(d, "initdb"))).OrderDescending(StringComparer.Ordinal).FirstOrDefault()
            ?? throw new InvalidOperationException("PostgreSQL server binaries are not installed (/usr/lib/postgresql/*/bin).");
        var root = Path.Combine(work, "pg");
        Directory.CreateDirectory(root);
        var asRoot = Environment.UserName == "root";
        if (asRoot) await ImportScenario.RunAsync("chown", ["-R", "postgres:postgres", work]);
        var port = FreePort();
        var cluster = new ThrowawayCluster(binaries, root, port, asRoot);
        await cluster.ServerAsync("initdb", "-D", Path.Combine(root, "data"), "-U", "postgres", "--auth=trust", "--encoding=UTF8", "--locale=C.UTF-8");
        // The server's defaults (fsync and synchronous commit on) for both sides; only the address is ours.
        await cluster.ServerAsync("pg_ctl", "-D", Path.Combine(root, "data"), "-o", $"-c listen_addresses=127.0.0.1 -c port={port} -c unix_socket_directories={root}",
            "-l", Path.Combine(root, "server.log"), "-w", "start");
        return cluster;
    }

    /// <summary>
    /// CPU seconds the server has used so far: the postmaster, its live backends, and the backends that have exited
    /// (counted in the postmaster's children's times). Linux only; NaN elsewhere.
    /// </summary>
    public double ServerCpuSeconds()
    {
        try
        {
            var postmaster = int.Parse(File.ReadLines(Path.Combine(root, "data", "postmaster.pid")).First(), System.Globalization.CultureInfo.InvariantCulture);
            var ticks = 0L;
            foreach (var stat in Directory.EnumerateDirectories("/proc").Where(d => Path.GetFileName(d).All(char.IsAsciiDigit)).Select(d => Path.Combine(d, "stat")))
            {
                string text;
                try { text = File.ReadAllText(stat); } catch (IOException) { continue; } catch (UnauthorizedAccessException) { continue; }
                // Fields after the command name "(…)": state ppid … utime(14) stime(15) cutime(16) cstime(17).
                var f = text[(text.LastIndexOf(')') + 2)..].Split(' ');
                var pid = int.Parse(Path.GetFileName(Path.GetDirectoryName(stat)!), System.Globalization.CultureInfo.InvariantCulture);
                long Field(int i) => long.Parse(f[i], System.Globalization.CultureInfo.InvariantCulture);
                if (pid == postmaster) ticks += Field(11) + Field(12) + Field(13) + Field(14);
                else if (Field(1) == postmaster) ticks += Field(11) + Field(12);
            }
            return ticks / 100.0; // USER_HZ
        }
        catch (Exception e) when (e is IOException or FormatException or UnauthorizedAccessException or DirectoryNotFoundException)
        {
            return double.NaN;
        }
    }

    public Task PsqlAsync(string database, string sql) =>
        ImportScenario.RunAsync("/usr/bin/psql", ["-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", "127.0.0.1", "-p", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-U", "postgres", "-d", database], sql);

    private Task ServerAsync(string tool, params string[] args) => asRoot
        ? ImportScenario.RunAsync("runuser", ["-u", "postgres", "--", Path.Combine(binaries, tool), .. args])
        : ImportScenario.RunAsync(Path.Combine(binaries, tool), args);

    public async ValueTask DisposeAsync()
    {
        Npgsql.NpgsqlConnection.ClearAllPools();
        await ServerAsync("pg_ctl", "-D", Path.Combine(root, "data"), "-m", "fast", "-w", "stop");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
