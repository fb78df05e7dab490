-- Pages of one country's suppliers in name order, then Id (the OData set's stable order): the index gives the full order
-- and the page's keys (PostgreSQL also includes Tier; SQLite has no INCLUDE).
DROP INDEX "IX_Suppliers_OrganizationId_Country_Name";
CREATE INDEX "IX_Suppliers_OrganizationId_Country_Name_Id" ON "Suppliers" ("OrganizationId", "Country", "Name", "Id");
