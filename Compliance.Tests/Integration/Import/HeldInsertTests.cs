using System.Text;
using System.Text.Json;
using Compliance.Tests.Fixtures;
using Compliance.Web.Infrastructure.Persistence;

namespace Compliance.Tests.Integration.Import;

/// <summary>
/// SQLite holds new suppliers back across chunks and inserts them in name order (Imports:SqliteHoldRows). Whatever is
/// held must be written before anything reads it: a parent, a likely duplicate, a changed supplier's new parent.
/// </summary>
public sealed class HeldInsertTests
{
    [Fact]
    public async Task Held_suppliers_are_written_before_a_parent_lookup_a_duplicate_check_an_update_and_the_commit()
    {
        // Chunks of 500 rows; 600 held at most: the second chunk fills the hold, the fourth and fifth need what the one
        // before them holds. Names fall as the file goes on, so name order is the reverse of the file's.
        await using var app = await ComplianceApp.StartAsync(DatabaseProvider.Sqlite, new Dictionary<string, string?>
        {
            ["Imports:SqliteHoldRows"] = "600", ["Imports:MaxTransactionTime"] = "00:10:00",
        });
        var api = await ImportApi.SignUpAsync(app);
        var csv = new StringBuilder("ref,name,country,parent,products\n");
        for (var row = 2; row <= 2_401; row++)
        {
            var (name, parent, products) = row switch
            {
                3 => ("Zeta Holding", "", ""),
                4 => ("Beta Parent", "S-00003", "Cotton yarn [5205.11] (UZ) | Buttons"), // child of row 3, parent of row 5
                5 => ("Aardvark Child", "S-00004", ""),
                1_600 => ("Late Child", "S-01100", ""),                               // its parent is held from the chunk before
                1_700 => ("Twin Textiles", "", "T-shirts [610910] (BD)"),
                2_100 => ("Twin Textiles", "", ""),                                    // a likely duplicate of row 1,700, still held
                _ => ($"Supplier {10_000 - row}", "", ""),
            };
            csv.Append($"S-{row:D5},{name},VN,{parent},{products}\n");
        }
        var file = Encoding.UTF8.GetBytes(csv.ToString());

        var summary = await api.ImportAsync(file);

        Assert.Equal((2_400, 0, 1), (summary.Count("addedRows"), summary.Count("rejectedRows"), summary.Count("warningCount")));
        var warning = summary.GetProperty("warnings").EnumerateArray().Single();
        Assert.Equal((2_100, await api.IdOfAsync("S-01700")), (warning.GetProperty("row").GetInt32(), warning.GetProperty("existingSupplierId").GetGuid()));
        Assert.Equal(await api.IdOfAsync("S-00003"), (await api.SupplierAsync("S-00004")).GetProperty("parentId").GetGuid());
        Assert.Equal(await api.IdOfAsync("S-00004"), (await api.SupplierAsync("S-00005")).GetProperty("parentId").GetGuid());
        Assert.Equal(await api.IdOfAsync("S-01100"), (await api.SupplierAsync("S-01600")).GetProperty("parentId").GetGuid());
        Assert.Equal(["Buttons||", "Cotton yarn|520511|UZ"], Products(await api.SupplierAsync("S-00004")));
        Assert.Equal(["T-shirts|610910|BD"], Products(await api.SupplierAsync("S-01700")));
        Assert.True((await api.VerifyAuditAsync()).GetProperty("intact").GetBoolean());

        // Every value went through the held rows' encoding: the same file again finds each supplier as the file has it.
        var again = await api.ImportAsync(file);
        Assert.Equal((0, 0, 2_400), (again.Count("addedRows"), again.Count("updatedRows"), again.Count("unchangedRows")));

        // A new supplier and, in the same chunk, an existing one that now names it as parent.
        var moved = await api.ImportAsync(Encoding.UTF8.GetBytes("ref,name,country,parent\nN-1,New Parent,VN,\nS-00005,Aardvark Child,VN,N-1\n"));
        Assert.Equal((1, 1), (moved.Count("addedRows"), moved.Count("updatedRows")));
        Assert.Equal(await api.IdOfAsync("N-1"), (await api.SupplierAsync("S-00005")).GetProperty("parentId").GetGuid());
    }

    private static List<string> Products(JsonElement supplier) =>
        [.. supplier.GetProperty("products").EnumerateArray().Select(p => $"{p.GetProperty("name").GetString()}|{p.GetProperty("hsCode").GetString()}|{p.GetProperty("originCountry").GetString()}")];
}
