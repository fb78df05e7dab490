namespace Compliance.Tests.Fixtures;

/// <summary>The files under samples/ at the repository root, which the tests import as users would.</summary>
public static class Samples
{
    public static string PathOf(params string[] parts)
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(System.IO.Path.Combine(folder.FullName, "Compliance.sln"))) folder = folder.Parent;
        var root = folder?.FullName ?? throw new DirectoryNotFoundException("Compliance.sln not found above the test folder.");
        return System.IO.Path.Combine([root, "samples", .. parts]);
    }
}
