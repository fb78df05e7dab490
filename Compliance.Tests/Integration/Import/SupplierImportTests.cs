using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Compliance.Tests.Fixtures;
using Compliance.Web.Infrastructure.Persistence;

namespace Compliance.Tests.Integration.Import;

public sealed class SupplierImportTests
{
    private const string Basic = """
        Vendor No.;Vendor Name;Country/Region;Address;LEI
        V-1;Saigon Textiles;Viet Nam;12 Le Loi, HCMC;
        V-2;Anatolia Cotton;Türkiye;;
        V-3;Yangon Garments;Burma;;
        """;

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    private static Dictionary<string, JsonElement> ByReference(JsonElement suppliers) =>
        suppliers.GetProperty("items").EnumerateArray().ToDictionary(s => s.GetProperty("externalReference").GetString()!);

    private static List<(int Row, string Column, string Code)> Errors(JsonElement summary) =>
        [.. summary.GetProperty("errors").EnumerateArray().Select(e => (e.GetProperty("row").GetInt32(), e.GetProperty("column").GetString()!, e.GetProperty("code").GetString()!))];

    [Theory]
    [MemberData(nameof(ComplianceApp.Providers), MemberType = typeof(ComplianceApp))]
    public async Task Import_of_a_semicolon_csv_adds_every_valid_row_with_countries_resolved(DatabaseProvider provider)
    {
        await using var app = await ComplianceApp.StartAsync(provider);
        var api = await ImportApi.SignUpAsync(app);
        var summary = await api.ImportAsync(Utf8(Basic));
        Assert.Equal("Completed", summary.GetProperty("status").GetString());
        Assert.Equal(3, summary.Count("totalRows"));
        Assert.Equal(3, summary.Count("addedRows"));
        Assert.Equal(3, summary.Count("importedRows"));
        Assert.Equal(0, summary.Count("rejectedRows"));
        Assert.Equal(1.0, summary.GetProperty("progress").GetDouble());
        var suppliers = ByReference(await api.SuppliersAsync());
        Assert.Equal("VN", suppliers["V-1"].GetProperty("country").GetString());
        Assert.Equal("TR", suppliers["V-2"].GetProperty("country").GetString());
        Assert.Equal("MM", suppliers["V-3"].GetProperty("country").GetString());
    }

    [Theory]
    [MemberData(nameof(ComplianceApp.Providers), MemberType = typeof(ComplianceApp))]
    public async Task An_imported_supplier_names_its_import_and_row_and_the_trail_counts_each_batch(DatabaseProvider provider)
    {
        await using var app = await ComplianceApp.StartAsync(provider);
        var api = await ImportApi.SignUpAsync(app);
        var summary = await api.ImportAsync(Utf8(Basic));
        var importId = summary.GetProperty("id").GetGuid();

        var id = ByReference(await api.SuppliersAsync())["V-3"].GetProperty("id").GetGuid();
        var supplier = await api.Client.GetFromJsonAsync<JsonElement>(new Uri($"/api/v1/suppliers/{id}", UriKind.Relative));
        var source = supplier.GetProperty("source");
        Assert.Equal(importId, source.GetProperty("importId").GetGuid());
        Assert.Equal(4, source.GetProperty("row").GetInt32()); // the file's row: the header is row 1

        var batches = await api.Client.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/audit-events?entityType=SupplierImportBatch", UriKind.Relative));
        var batch = Assert.Single(batches.GetProperty("items").EnumerateArray());
        Assert.Equal($"{importId}:2-4", batch.GetProperty("entityId").GetString());
        var after = JsonDocument.Parse(batch.GetProperty("after").GetString()!).RootElement;
        Assert.Equal(3, after.GetProperty("SuppliersCreated").GetInt32());

        // A supplier added by hand has no import.
        var added = await api.Client.PostAsJsonAsync(new Uri("/api/v1/suppliers", UriKind.Relative),
            new { externalReference = "V-9", name = "Dhaka Knitwear", country = "BD" });
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        Assert.Equal(JsonValueKind.Null, (await added.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("source").ValueKind);
    }

    [Theory]
    [MemberData(nameof(ComplianceApp.Providers), MemberType = typeof(ComplianceApp))]
    public async Task Uploading_the_same_file_again_changes_nothing(DatabaseProvider provider)
    {
        await using var app = await ComplianceApp.StartAsync(provider);
        var api = await ImportApi.SignUpAsync(app);
        await api.ImportAsync(Utf8(Basic));
        var events = (await api.VerifyAuditAsync()).GetProperty("eventsChecked").GetInt64();

        var again = await api.ImportAsync(Utf8(Basic));

        Assert.Equal((0, 0, 3, 0), (again.Count("addedRows"), again.Count("updatedRows"), again.Count("unchangedRows"), again.Count("rejectedRows")));
        var verify = await api.VerifyAuditAsync();
        Assert.True(verify.GetProperty("intact").GetBoolean());
        Assert.Equal(events + 1, verify.GetProperty("eventsChecked").GetInt64()); // only the second import's own record
    }

    [Theory]
    [MemberData(nameof(ComplianceApp.Providers), MemberType = typeof(ComplianceApp))]
    public async Task A_changed_row_updates_the_supplier_and_the_audit_trail_records_what_changed(DatabaseProvider provider)
    {
        await using var app = await ComplianceApp.StartAsync(provider);
        var api = await ImportApi.SignUpAsync(app);
        var first = (await api.ImportAsync(Utf8(Basic))).GetProperty("id").GetGuid();

        var summary = await api.ImportAsync(Utf8(Basic.Replace("Anatolia Cotton;Türkiye", "Anatolia Cotton Mills;Türkiye", StringComparison.Ordinal)));

        Assert.Equal((0, 1, 2), (summary.Count("addedRows"), summary.Count("updatedRows"), summary.Count("unchangedRows")));
        var supplier = ByReference(await api.SuppliersAsync())["V-2"];
        Assert.Equal("Anatolia Cotton Mills", supplier.GetProperty("name").GetString());
        var trail = await api.Client.GetFromJsonAsync<JsonElement>(new Uri($"/api/v1/audit-events?entityType=Supplier&entityId={supplier.GetProperty("id").GetGuid()}", UriKind.Relative));
        var update = trail.GetProperty("items").EnumerateArray().Single(e => e.GetProperty("action").GetString() == "Updated");
        Assert.Equal("""{"Name":"Anatolia Cotton"}""", update.GetProperty("before").GetString());
        Assert.Equal("""{"Name":"Anatolia Cotton Mills"}""", update.GetProperty("after").GetString());
        Assert.True((await api.VerifyAuditAsync()).GetProperty("intact").GetBoolean());
        // It still names the import that created it.
        var updated = await api.Client.GetFromJsonAsync<JsonElement>(new Uri($"/api/v1/suppliers/{supplier.GetProperty("id").GetGuid()}", UriKind.Relative));
        Assert.Equal(first, updated.GetProperty("source").GetProperty("importId").GetGuid());
    }

    [Theory]
    [MemberData(nameof(ComplianceApp.Providers), MemberType = typeof(ComplianceApp))]
    public async Task Each_rejected_row_names_its_row_column_and_rule_and_valid_rows_still_import(DatabaseProvider provider)
    {
        await using var app = await ComplianceApp.StartAsync(provider);
        var api = await ImportApi.SignUpAsync(app);
        var file = $"""
            Supplier ID,Supplier Name,Country,Parent,LEI
            S-1,Good One,CN,,
            S-2,,CN,,
            S-3,Unknown Land,Atlantis,,
            S-4,#N/A,VN,,
            S-1,Second S-1,CN,,
            S-6,Orphan,CN,NOPE,
            S-7,{new string('x', 301)},CN,,
            S-8,Bad LEI,CN,,5493001KJTIIGC8Y1R13
            S-9,Good LEI,CN,S-1,5493001KJTIIGC8Y1R12
            """;

        var summary = await api.ImportAsync(Utf8(file));

        Assert.Equal((2, 7), (summary.Count("addedRows"), summary.Count("rejectedRows")));
        Assert.Equal(
            [(3, "Supplier Name", "missing_name"), (4, "Country", "unknown_country"), (5, "Supplier Name", "spreadsheet_error"),
             (6, "Supplier ID", "duplicate_external_reference"), (7, "Parent", "parent_not_found"), (8, "Supplier Name", "too_long"), (9, "LEI", "invalid_lei")],
            Errors(summary));
        var message = summary.GetProperty("errors")[1].GetProperty("message").GetString()!;
        Assert.Contains("Row 4", message, StringComparison.Ordinal);
        Assert.Contains("'Atlantis'", message, StringComparison.Ordinal);
        var child = ByReference(await api.SuppliersAsync())["S-9"];
        Assert.Equal(ByReference(await api.SuppliersAsync())["S-1"].GetProperty("id").GetGuid(), (await api.Client.GetFromJsonAsync<JsonElement>(
            new Uri($"/api/v1/suppliers/{child.GetProperty("id").GetGuid()}", UriKind.Relative))).GetProperty("parentId").GetGuid());
    }

    [Theory]
    [MemberData(nameof(ComplianceApp.Providers), MemberType = typeof(ComplianceApp))]
    public async Task Rejected_rows_download_as_csv_with_an_errors_column_and_reupload_with_the_same_mapping(DatabaseProvider provider)
    {
        await using var app = await ComplianceApp.StartAsync(provider);
        var api = await ImportApi.SignUpAsync(app);
        var file = "Code;Firma;Land\nA1;Alpha;DE\nA2;Beta;Narnia\nA3;=HYPERLINK(\"x\");FR\n";
        var mapping = """{"externalReference": "Code", "name": "Firma", "country": "Land"}""";
        var summary = await api.ImportAsync(Utf8(file), mapping: mapping);
        Assert.Equal((2, 1), (summary.Count("addedRows"), summary.Count("rejectedRows")));

        var response = await api.Client.GetAsync(new Uri($"/api/v1/suppliers/imports/{summary.GetProperty("id").GetGuid()}/rejected.csv", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var csv = await response.Content.ReadAsStringAsync();
        var lines = csv.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("Code,Firma,Land,Errors", lines[0]);
        Assert.StartsWith("A2,Beta,Narnia,", lines[1], StringComparison.Ordinal);
        Assert.Contains("Row 3", lines[1], StringComparison.Ordinal);
        Assert.Equal(2, lines.Length);

        var fixedFile = csv.Replace("Narnia", "Norway", StringComparison.Ordinal);
        var second = await api.ImportAsync(Utf8(fixedFile)); // no mapping sent: the remembered one applies
        Assert.Equal((1, 0), (second.Count("addedRows"), second.Count("rejectedRows")));
        Assert.Equal("NO", ByReference(await api.SuppliersAsync())["A2"].GetProperty("country").GetString());
    }

    [Theory]
    [MemberData(nameof(ComplianceApp.Providers), MemberType = typeof(ComplianceApp))]
    public async Task A_parent_further_down_the_file_is_linked_after_its_row_is_imported(DatabaseProvider provider)
    {
        await using var app = await ComplianceApp.StartAsync(provider, new Dictionary<string, string?> { ["Imports:BatchSize"] = "2" });
        var api = await ImportApi.SignUpAsync(app);
        var summary = await api.ImportAsync(Utf8("ref,name,country,parent,tier\nC-1,Child,CN,P-1,2\nX-1,Other,CN,,\nP-1,Parent,CN,,1\n"));
        Assert.Equal((3, 0), (summary.Count("addedRows"), summary.Count("rejectedRows")));
        var suppliers = ByReference(await api.SuppliersAsync());
        var child = await api.Client.GetFromJsonAsync<JsonElement>(new Uri($"/api/v1/suppliers/{suppliers["C-1"].GetProperty("id").GetGuid()}", UriKind.Relative));
        Assert.Equal(suppliers["P-1"].GetProperty("id").GetGuid(), child.GetProperty("parentId").GetGuid());
        Assert.Equal(2, child.GetProperty("tier").GetInt32());
        Assert.True((await api.VerifyAuditAsync()).GetProperty("intact").GetBoolean());

        var again = await api.ImportAsync(Utf8("ref,name,country,parent,tier\nC-1,Child,CN,P-1,2\nX-1,Other,CN,,\nP-1,Parent,CN,,1\n"));
        Assert.Equal(3, again.Count("unchangedRows"));
    }

    [Theory]
    [MemberData(nameof(ComplianceApp.Providers), MemberType = typeof(ComplianceApp))]
    public async Task A_file_of_several_transactions_finds_parents_and_duplicates_in_earlier_ones_and_imports_every_row_once(DatabaseProvider provider)
    {
        // 12,000 rows in transactions of at least 7,000 (chunks of 500 rows on SQLite, 5,000 on PostgreSQL): the first
        // transaction spans several chunks. No time bound, so the transactions are the same on a slow machine.
        await using var app = await ComplianceApp.StartAsync(provider, new Dictionary<string, string?>
        {
            ["Imports:BatchSize"] = "7000", ["Imports:MaxTransactionTime"] = "00:10:00",
        });
        var api = await ImportApi.SignUpAsync(app);
        var csv = new StringBuilder("ref,name,country,parent\n");
        for (var row = 2; row <= 12_001; row++)
        {
            var (reference, parent) = row switch
            {
                100 => ("C-FWD", "P-LATE"),     // its parent comes two transactions later
                11_000 => ("S-00050", ""),      // the reference of row 50, in the first transaction
                11_500 => ("C-BACK", "P-EARLY"), // its parent was committed in the first transaction
                11_900 => ("P-LATE", ""),
                10 => ("P-EARLY", ""),
                _ => ($"S-{row:D5}", ""),
            };
            csv.Append(reference).Append(",Supplier ").Append(row).Append(",VN,").Append(parent).Append('\n');
        }
        var file = Utf8(csv.ToString());

        var summary = await api.ImportAsync(file);

        Assert.Equal((11_999, 1), (summary.Count("addedRows"), summary.Count("rejectedRows")));
        var error = summary.GetProperty("errors").EnumerateArray().Single();
        Assert.Equal(11_000, error.GetProperty("row").GetInt32());
        Assert.Equal("duplicate_external_reference", error.GetProperty("code").GetString());
        async Task<Guid?> ParentOf(string reference)
        {
            var supplier = await api.SupplierAsync(reference);
            return supplier.GetProperty("parentId").ValueKind == JsonValueKind.Null ? null : supplier.GetProperty("parentId").GetGuid();
        }
        Assert.Equal(await api.IdOfAsync("P-EARLY"), await ParentOf("C-BACK"));
        Assert.Equal(await api.IdOfAsync("P-LATE"), await ParentOf("C-FWD"));
        Assert.True((await api.VerifyAuditAsync()).GetProperty("intact").GetBoolean());

        // The trail has one event per committed transaction, not per chunk: together they cover each row once and count every supplier.
        var batches = (await api.Client.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/audit-events?entityType=SupplierImportBatch", UriKind.Relative)))
            .GetProperty("items").EnumerateArray().Select(e => JsonDocument.Parse(e.GetProperty("after").GetString()!).RootElement).ToList();
        Assert.Equal(2, batches.Count);
        var ranges = batches.Select(b => b.GetProperty("Rows").GetString()!.Split('-').Select(int.Parse).ToArray()).OrderBy(r => r[0]).ToList();
        Assert.Equal((2, ranges[0][1] + 1, 12_001), (ranges[0][0], ranges[1][0], ranges[1][1]));
        Assert.Equal(11_999, batches.Sum(b => b.GetProperty("SuppliersCreated").GetInt32()));

        var again = await api.ImportAsync(file);
        Assert.Equal((0, 0, 11_999, 1), (again.Count("addedRows"), again.Count("updatedRows"), again.Count("unchangedRows"), again.Count("rejectedRows")));
    }

    [Theory]
    [MemberData(nameof(ComplianceApp.Providers), MemberType = typeof(ComplianceApp))]
    public async Task Likely_duplicates_are_warnings_naming_the_existing_supplier_and_nothing_is_merged(DatabaseProvider provider)
    {
        await using var app = await ComplianceApp.StartAsync(provider);
        var api = await ImportApi.SignUpAsync(app);
        await api.ImportAsync(Utf8("ref,name,country,duns\nE-1,ACME Textiles Co. Ltd.,CN,\nE-2,Delta,VN,123456789\n"));

        var summary = await api.ImportAsync(Utf8("ref,name,country,duns\nN-1,Acme Textiles,China,\nN-2,Delta Holdings,VN,123-456-789\nN-3,Fresh,VN,\n"));

        Assert.Equal((3, 2), (summary.Count("addedRows"), summary.Count("warningCount")));
        var warnings = summary.GetProperty("warnings").EnumerateArray().ToList();
        var existing = ByReference(await api.SuppliersAsync());
        Assert.Equal(existing["E-1"].GetProperty("id").GetGuid(), warnings[0].GetProperty("existingSupplierId").GetGuid());
        Assert.Equal("likely_duplicate", warnings[0].GetProperty("code").GetString());
        Assert.Contains("E-1", warnings[0].GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(existing["E-2"].GetProperty("id").GetGuid(), warnings[1].GetProperty("existingSupplierId").GetGuid());
        Assert.Equal(5, existing.Count);
    }

    [Theory]
    [MemberData(nameof(ComplianceApp.Providers), MemberType = typeof(ComplianceApp))]
    public async Task Preview_shows_the_detected_shape_the_proposed_mapping_and_the_first_rows_as_mapped(DatabaseProvider provider)
    {
        await using var app = await ComplianceApp.StartAsync(provider);
        var api = await ImportApi.SignUpAsync(app);
        var file = "Supplier export 2026-11-30\n\nLieferantennummer\tLieferant\tLand\tProducts\n4711\tMüller GmbH\tGermany\tCotton yarn [5205.11] (Uzbekistan) | Buttons\n";

        var response = await api.PreviewAsync(Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(file)).ToArray());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var preview = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("utf-16", preview.GetProperty("encoding").GetString());
        Assert.Equal("\t", preview.GetProperty("delimiter").GetString());
        Assert.Equal(3, preview.GetProperty("headerRow").GetInt32());
        Assert.Equal("Lieferant", preview.GetProperty("mapping").GetProperty("name").GetString());
        Assert.Equal("Automatic", preview.GetProperty("mappingSource").GetString());
        var row = preview.GetProperty("rows")[0];
        Assert.Equal(4, row.GetProperty("number").GetInt32());
        Assert.Equal("DE", row.GetProperty("values").GetProperty("country").GetString());
        Assert.Equal("Cotton yarn [5205.11] (UZ) | Buttons", row.GetProperty("values").GetProperty("products").GetString());
        Assert.Empty((await api.SuppliersAsync()).GetProperty("items").EnumerateArray());
    }

    [Theory]
    [MemberData(nameof(ComplianceApp.Providers), MemberType = typeof(ComplianceApp))]
    public async Task An_explicit_mapping_is_remembered_for_the_next_file_with_the_same_headers(DatabaseProvider provider)
    {
        await using var app = await ComplianceApp.StartAsync(provider);
        var api = await ImportApi.SignUpAsync(app);
        var file = Utf8("Nr,Bezeichnung,Staat\n1,Eins,AT\n");
        var unrecognized = await (await api.PreviewAsync(file)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(["externalReference", "name", "country"], unrecognized.GetProperty("missingFields").EnumerateArray().Select(f => f.GetString()));
        Assert.Equal(HttpStatusCode.BadRequest, (await api.UploadAsync(file)).StatusCode);

        await api.ImportAsync(file, mapping: """{"externalReference":"Nr","name":"Bezeichnung","country":"Staat"}""");
        var preview = await (await api.PreviewAsync(Utf8("Nr,Bezeichnung,Staat\n2,Zwei,CH\n"))).Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal("Remembered", preview.GetProperty("mappingSource").GetString());
        Assert.Equal("Bezeichnung", preview.GetProperty("mapping").GetProperty("name").GetString());
    }

    [Theory]
    [MemberData(nameof(ComplianceApp.Providers), MemberType = typeof(ComplianceApp))]
    public async Task An_unusable_mapping_is_a_problem_naming_the_field(DatabaseProvider provider)
    {
        await using var app = await ComplianceApp.StartAsync(provider);
        var api = await ImportApi.SignUpAsync(app);
        var response = await api.UploadAsync(Utf8(Basic), mapping: """{"name":"No Such Column","colour":"x"}""");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var fields = problem.GetProperty("violations").EnumerateArray().Select(v => (v.GetProperty("field").GetString(), v.GetProperty("code").GetString())).ToList();
        Assert.Contains(("mapping.name", "unknown_column"), fields);
        Assert.Contains(("mapping.colour", "unknown_field"), fields);
    }

    [Theory]
    [InlineData("windows-1252")]
    [InlineData("utf-8-bom")]
    [InlineData("utf-16")]
    public async Task Encodings_are_detected_and_accents_survive(string encoding)
    {
        await using var app = new ComplianceApp();
        var api = await ImportApi.SignUpAsync(app);
        var text = "Vendor No.;Vendor Name;Country\r\nF-1;Société Générale Textile;Côte d'Ivoire\r\nF-2;\"Çukurova \"\"Pamuk\"\"\nA.Ş.\";Turkey\r\n";
        byte[] bytes = encoding switch
        {
            "windows-1252" => CodePagesEncoding().GetBytes(text.Replace("Ş", "S", StringComparison.Ordinal)),
            "utf-8-bom" => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)],
            _ => [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(text)],
        };

        var summary = await api.ImportAsync(bytes);

        Assert.Equal(2, summary.Count("addedRows"));
        var suppliers = ByReference(await api.SuppliersAsync());
        Assert.Equal("Société Générale Textile", suppliers["F-1"].GetProperty("name").GetString());
        Assert.Equal("CI", suppliers["F-1"].GetProperty("country").GetString());
        Assert.StartsWith("Çukurova \"Pamuk\" A.", suppliers["F-2"].GetProperty("name").GetString(), StringComparison.Ordinal);
    }

    private static Encoding CodePagesEncoding()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(1252);
    }

    [Theory]
    [MemberData(nameof(ComplianceApp.Providers), MemberType = typeof(ComplianceApp))]
    public async Task Xlsx_import_reads_the_chosen_sheet_and_a_products_sheet(DatabaseProvider provider)
    {
        await using var app = await ComplianceApp.StartAsync(provider);
        var api = await ImportApi.SignUpAsync(app);
        var workbook = new XlsxBuilder()
            .Sheet("Notes", ["This workbook lists our suppliers"])
            .Sheet("Suppliers", ["Vendor No.", "Vendor Name", "Country/Region", "DUNS"], [1001, "Dhaka Knitwear", "Bangladesh", 123456789], [1002, "Bad Cell", "#N/A", null])
            .Sheet("Products", ["Supplier ID", "Product", "HS Code", "Country of origin"], [1001, "T-shirts", "6109.10", "BD"], [1001, "Cotton", null, "India"])
            .Build();

        var summary = await api.ImportAsync(workbook, "suppliers.xlsx", sheet: "Suppliers");

        Assert.Equal((1, 1), (summary.Count("addedRows"), summary.Count("rejectedRows")));
        var supplier = ByReference(await api.SuppliersAsync())["1001"];
        var details = await api.Client.GetFromJsonAsync<JsonElement>(new Uri($"/api/v1/suppliers/{supplier.GetProperty("id").GetGuid()}", UriKind.Relative));
        Assert.Equal("123456789", details.GetProperty("identifiers").GetProperty("duns").GetString());
        var products = details.GetProperty("products").EnumerateArray().Select(p => $"{p.GetProperty("name").GetString()}|{p.GetProperty("hsCode").GetString()}|{p.GetProperty("originCountry").GetString()}").ToList();
        Assert.Equal(["Cotton||IN", "T-shirts|610910|BD"], products);
    }

    [Theory]
    [MemberData(nameof(ComplianceApp.Providers), MemberType = typeof(ComplianceApp))]
    public async Task Another_organizations_import_and_its_rejected_rows_are_not_found(DatabaseProvider provider)
    {
        await using var app = await ComplianceApp.StartAsync(provider);
        var owner = await ImportApi.SignUpAsync(app, "Owner Org");
        var other = await ImportApi.SignUpAsync(app, "Other Org");
        var summary = await owner.ImportAsync(Utf8("ref,name,country\nR-1,Secret Supplier,Atlantis\n"));
        var id = summary.GetProperty("id").GetGuid();

        Assert.Equal(HttpStatusCode.NotFound, (await other.Client.GetAsync(new Uri($"/api/v1/suppliers/imports/{id}", UriKind.Relative))).StatusCode);
        var rejected = await other.Client.GetAsync(new Uri($"/api/v1/suppliers/imports/{id}/rejected.csv", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, rejected.StatusCode);
        Assert.DoesNotContain("Secret", await rejected.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await owner.Client.GetAsync(new Uri($"/api/v1/suppliers/imports/{id}/rejected.csv", UriKind.Relative))).StatusCode);
    }

    [Theory]
    [MemberData(nameof(ComplianceApp.Providers), MemberType = typeof(ComplianceApp))]
    public async Task An_auditor_may_read_an_import_but_not_upload(DatabaseProvider provider)
    {
        await using var app = await ComplianceApp.StartAsync(provider);
        var admin = await ImportApi.SignUpAsync(app);
        var summary = await admin.ImportAsync(Utf8(Basic));
        var token = await (await admin.Client.PostAsJsonAsync(new Uri("/api/v1/tokens", UriKind.Relative), new { name = "auditor", role = "Auditor" }))
            .Content.ReadFromJsonAsync<JsonElement>();
        var auditor = app.CreateClient();
        auditor.DefaultRequestHeaders.Authorization = new("Bearer", token.GetProperty("token").GetString());
        var api = new ImportApi(auditor);

        Assert.Equal(HttpStatusCode.Forbidden, (await api.UploadAsync(Utf8(Basic))).StatusCode);
        Assert.Equal(3, (await api.GetAsync(summary.GetProperty("id").GetGuid())).Count("addedRows"));
    }
}
