using System.Reflection;
using Compliance.Domain.Screening;

namespace Compliance.Web.Infrastructure.Screening;

/// <summary>
/// The bundled reference lists (DOL TVPRA 2022, the partial EO 13126 list, CBP WRO/Findings names), read once from the
/// assembly and indexed into one <see cref="Screener"/> shared by all requests (it is read-only after it is built).
/// Versioned storage of imported editions, per-organization lists and remembered decisions come with the screening
/// runs; until then every supplier is screened against these editions on request.
/// </summary>
public sealed class BundledScreening(IConfiguration configuration)
{
    private readonly Lazy<Screener> screener = new(() => Build(configuration));

    public Screener Screener => screener.Value;

    private static Screener Build(IConfiguration configuration)
    {
        var goods = new List<GoodsList>
        {
            Read("dol-tvpra-2022.csv", s => RiskListImport.ReadDolGoods(s, BundledRiskLists.DolTvpra2022)),
            Read("eo13126-partial.csv", s => RiskListImport.ReadEo13126(s, BundledRiskLists.Eo13126Partial)),
        };
        var entities = new List<EntityList> { Read("cbp-wro-findings-entity-names.csv", s => RiskListImport.ReadEntities(s, BundledRiskLists.CbpWroFindings)) };
        var options = new ScreeningOptions { NameThreshold = configuration.GetValue($"{ScreeningOptions.Section}:NameThreshold", ScreeningOptions.DefaultNameThreshold) };
        return new Screener(goods, entities, options);
    }

    private static T Read<T>(string file, Func<Stream, ListImport<T>> read) where T : class
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream($"risk-lists/{file}")
            ?? throw new InvalidOperationException($"Bundled risk list {file} is not embedded.");
        var imported = read(stream);
        return imported.List ?? throw new InvalidOperationException(
            $"Bundled risk list {file} does not read: {string.Join("; ", imported.Errors.Take(3).Select(e => $"row {e.Row} {e.Column}: {e.Message}"))}");
    }
}
