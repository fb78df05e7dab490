using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;

namespace Compliance.Tests.Fixtures;

/// <summary>
/// One Azurite blob emulator for the whole test run: installed with npm into the repository's .tools/azurite when missing
/// (or at another version), started with the node on PATH on a free loopback port with in-memory persistence, killed when
/// the test process exits (or, should that process be killed, ending itself when it notices).
/// </summary>
public sealed class AzuriteServer
{
    public const string AzuriteVersion = "3.35.0"; // the newest whose engines accept Debian's Node.js 18 (3.36+ need Node 21+)

    /// <summary>Azurite's well-known development account and its published key.</summary>
    public const string AccountName = "devstoreaccount1";
    public const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private static readonly Lazy<Task<AzuriteServer>> Shared = new(StartAsync);

    /// <summary>Emulator-style service URI: the account is the first path segment.</summary>
    public Uri ServiceUri { get; }

    private AzuriteServer(int port) => ServiceUri = new Uri($"http://127.0.0.1:{port}/{AccountName}");

    public static Task<AzuriteServer> InstanceAsync() => Shared.Value;

    private static async Task<AzuriteServer> StartAsync()
    {
        var main = await InstallAsync();
        var port = FreePort();
        // The test host may be killed without running ProcessExit handlers; this watchdog then ends Azurite with it.
        // Node loads it at start-up, so it is deleted once Azurite answers and nothing is left behind.
        var watchdog = Path.Combine(Path.GetTempPath(), $"compliance-azurite-watchdog-{Environment.ProcessId}.js");
        await File.WriteAllTextAsync(watchdog, $"setInterval(() => {{ try {{ process.kill({Environment.ProcessId}, 0); }} catch {{ process.exit(0); }} }}, 1000).unref();");
        try
        {
            // In-memory persistence writes nothing to its working folder.
            var start = new ProcessStartInfo("node") { WorkingDirectory = Path.GetTempPath(), RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var a in new[] { "--require", watchdog, main, "--blobHost", "127.0.0.1", "--blobPort", port.ToString(),
                         "--inMemoryPersistence", "--skipApiVersionCheck", "--loose", "--disableTelemetry" })
                start.ArgumentList.Add(a);
            var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start node for Azurite.");
            var output = new System.Collections.Concurrent.ConcurrentQueue<string>();
            process.OutputDataReceived += (_, e) => { if (e.Data is not null) output.Enqueue(e.Data); };
            process.ErrorDataReceived += (_, e) => { if (e.Data is not null) output.Enqueue(e.Data); };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            AppDomain.CurrentDomain.ProcessExit += (_, _) => Stop(process);

            var server = new AzuriteServer(port);
            using var probe = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
            for (var deadline = DateTime.UtcNow.AddSeconds(60); ; await Task.Delay(200))
            {
                if (process.HasExited)
                    throw new InvalidOperationException($"Azurite exited with {process.ExitCode}: {string.Join('\n', output)}");
                try
                {
                    using var _ = await probe.GetAsync(new Uri(server.ServiceUri, "?comp=list")); // any answer, even 403, means it listens
                    return server;
                }
                catch (HttpRequestException) when (DateTime.UtcNow < deadline)
                {
                }
            }
        }
        finally
        {
            File.Delete(watchdog);
        }
    }

    /// <summary>npm install into .tools/azurite (git-ignored) unless that version is already there; returns azurite-blob's script.</summary>
    private static async Task<string> InstallAsync()
    {
        var tools = Path.Combine(RepositoryRoot(), ".tools", "azurite");
        var package = Path.Combine(tools, "node_modules", "azurite");
        if (InstalledVersion(package) != AzuriteVersion)
        {
            Directory.CreateDirectory(tools);
            var start = new ProcessStartInfo("npm") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = tools };
            foreach (var a in new[] { "install", "--prefix", tools, "--no-audit", "--no-fund", "--loglevel=error", $"azurite@{AzuriteVersion}" })
                start.ArgumentList.Add(a);
            using var npm = Process.Start(start) ?? throw new InvalidOperationException("Could not start npm (install Node.js and npm: ./test.sh does).");
            var stdout = npm.StandardOutput.ReadToEndAsync();
            var stderr = npm.StandardError.ReadToEndAsync();
            await npm.WaitForExitAsync();
            if (npm.ExitCode != 0)
                throw new InvalidOperationException($"npm install azurite@{AzuriteVersion} exited with {npm.ExitCode}: {await stderr}{await stdout}");
        }
        return Path.Combine(package, "dist", "src", "blob", "main.js");
    }

    private static string? InstalledVersion(string package)
    {
        var manifest = Path.Combine(package, "package.json");
        if (!File.Exists(manifest)) return null;
        using var json = JsonDocument.Parse(File.ReadAllText(manifest));
        return json.RootElement.TryGetProperty("version", out var version) ? version.GetString() : null;
    }

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
            if (File.Exists(Path.Combine(folder.FullName, "Compliance.sln"))) return folder.FullName;
        throw new InvalidOperationException($"No Compliance.sln above {AppContext.BaseDirectory}.");
    }

    private static void Stop(Process process)
    {
        try
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
        }
        catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            // Already gone; and the watchdog ends it anyway.
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
