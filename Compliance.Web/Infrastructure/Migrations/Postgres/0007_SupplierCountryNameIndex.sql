-- Suppliers of one country in name order (the supplier list's country filter, OData $filter=Country eq … &$orderby=Name):
-- the index returns them sorted, so a page reads its rows instead of sorting every supplier of the country.
DROP INDEX "IX_Suppliers_OrganizationId_Country";
CREATE INDEX "IX_Suppliers_OrganizationId_Country_Name" ON "Suppliers" ("OrganizationId", "Country", "Name");
