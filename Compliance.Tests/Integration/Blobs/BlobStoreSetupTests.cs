using Compliance.Web.Infrastructure.Blobs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting.Internal;

namespace Compliance.Tests.Integration.Blobs;

public sealed class BlobStoreSetupTests : IDisposable
{
    private readonly string dataPath = Directory.CreateTempSubdirectory("compliance-blobs-").FullName;

    [Fact]
    public void Without_a_provider_the_filesystem_store_under_DataPath_is_chosen()
    {
        using var services = Services(new() { ["Compliance:DataPath"] = dataPath });

        var store = Assert.IsType<FileSystemBlobStore>(services.GetRequiredService<IBlobStore>());
        Assert.Equal(Path.Combine(dataPath, "blobs"), store.Root);
    }

    [Fact]
    public void Azure_without_its_settings_fails_at_start_up_naming_them()
    {
        var failure = Assert.Throws<InvalidOperationException>(() => Services(new() { ["Blobs:Provider"] = "Azure", ["Blobs:Azure:Container"] = "evidence" }));

        Assert.Contains("Blobs:Azure:ServiceUri is not set", failure.Message, StringComparison.Ordinal);
        Assert.Contains("Blobs:Azure:AccountName is not set", failure.Message, StringComparison.Ordinal);
        Assert.Contains("Blobs:Azure:AccountKey is not set", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Container", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_provider_fails_at_start_up()
    {
        var failure = Assert.Throws<InvalidOperationException>(() => Services(new() { ["Blobs:Provider"] = "S3" }));

        Assert.Contains("'S3'", failure.Message, StringComparison.Ordinal);
    }

    private ServiceProvider Services(Dictionary<string, string?> settings) =>
        new ServiceCollection()
            .AddComplianceBlobs(new ConfigurationBuilder().AddInMemoryCollection(settings).Build(), new HostingEnvironment { ContentRootPath = dataPath })
            .BuildServiceProvider();

    public void Dispose() => Directory.Delete(dataPath, recursive: true);
}
