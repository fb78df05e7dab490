using System.Reflection;
using Compliance.Bench;

// dotnet run -c Release --project Compliance.Bench -- <scenario> [--runs N] [--size N]
var scenarios = typeof(IScenario).Assembly.GetTypes()
    .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IScenario).IsAssignableFrom(t))
    .Select(t => (IScenario)Activator.CreateInstance(t)!)
    .OrderBy(s => s.Name, StringComparer.Ordinal)
    .ToList();

if (args.Length == 0 || args[0] is "-h" or "--help" or "list")
{
    Console.WriteLine("Scenarios:");
    foreach (var s in scenarios) Console.WriteLine($"  {s.Name,-24} {s.Description}");
    return 0;
}

var scenario = scenarios.FirstOrDefault(s => string.Equals(s.Name, args[0], StringComparison.OrdinalIgnoreCase));
if (scenario is null)
{
    Console.Error.WriteLine($"Unknown scenario '{args[0]}'. Run with 'list' to see them.");
    return 2;
}
var options = BenchOptions.Parse(args.AsSpan(1));
Console.WriteLine($"{scenario.Name} on {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version} ({Assembly.GetEntryAssembly()?.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration})");
await scenario.RunAsync(options);
return 0;
