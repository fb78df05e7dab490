using Compliance.Web.Infrastructure.Persistence;

namespace Compliance.Web.Infrastructure.Blobs;

public enum BlobProvider
{
    FileSystem,
    Azure,
}

public static class BlobSetup
{
    /// <summary>Registers the <see cref="IBlobStore"/> named by Blobs:Provider (default FileSystem, under Compliance:DataPath/blobs).</summary>
    public static IServiceCollection AddComplianceBlobs(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var configured = configuration["Blobs:Provider"] is { Length: > 0 } value ? value : nameof(BlobProvider.FileSystem);
        if (!Enum.TryParse<BlobProvider>(configured, ignoreCase: true, out var provider))
            throw new InvalidOperationException($"Blobs:Provider must be FileSystem or Azure, not '{configured}'.");

        switch (provider)
        {
            case BlobProvider.FileSystem:
                services.AddSingleton<IBlobStore>(new FileSystemBlobStore(Path.Combine(Database.DataPath(configuration, environment), "blobs")));
                break;
            case BlobProvider.Azure:
                services.AddSingleton(AzureOptions(configuration));
                services.AddHttpClient(AzureBlobStore.HttpClientName);
                services.AddSingleton<IBlobStore, AzureBlobStore>();
                break;
        }
        return services;
    }

    /// <summary>Fails at start-up, naming every missing or malformed setting, rather than at the first upload.</summary>
    private static AzureBlobOptions AzureOptions(IConfiguration configuration)
    {
        string? Setting(string name) => configuration[$"Blobs:Azure:{name}"] is { Length: > 0 } v ? v : null;
        var (serviceUri, accountName, accountKey, container) = (Setting("ServiceUri"), Setting("AccountName"), Setting("AccountKey"), Setting("Container"));

        var problems = new List<string>();
        foreach (var (name, v) in new[] { ("ServiceUri", serviceUri), ("AccountName", accountName), ("AccountKey", accountKey), ("Container", container) })
            if (v is null) problems.Add($"Blobs:Azure:{name} is not set");
        if (serviceUri is not null && !(Uri.TryCreate(serviceUri, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http"))
            problems.Add("Blobs:Azure:ServiceUri must be an absolute http(s) URI such as https://account.blob.core.windows.net");
        if (accountKey is not null && !Convert.TryFromBase64String(accountKey, new byte[accountKey.Length], out _))
            problems.Add("Blobs:Azure:AccountKey must be the account key in Base64");
        if (problems.Count > 0)
            throw new InvalidOperationException($"Blobs:Provider is Azure, but {string.Join("; ", problems)}.");

        return new AzureBlobOptions(new Uri(serviceUri!), accountName!, accountKey!, container!);
    }
}
