using System.Reflection;

namespace Compliance.Tests.Architecture;

public sealed class LayeringTests
{
    [Theory]
    [InlineData("Compliance.Domain", new[] { "Microsoft.EntityFrameworkCore", "Microsoft.AspNetCore", "Compliance.Web", "Compliance.Reports" })]
    [InlineData("Compliance.Reports", new[] { "Microsoft.EntityFrameworkCore", "Microsoft.AspNetCore", "Compliance.Web", "Npgsql", "Microsoft.Data.Sqlite" })]
    public void A_project_does_not_reference_what_its_layer_must_not_know(string assemblyName, string[] forbidden)
    {
        var assembly = Assembly.Load(assemblyName);
        var references = assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();
        Assert.DoesNotContain(references, r => forbidden.Any(f => r.StartsWith(f, StringComparison.Ordinal)));
    }
}
