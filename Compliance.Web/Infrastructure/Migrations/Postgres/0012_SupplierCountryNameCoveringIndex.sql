-- Pages of one country's suppliers in name order, then Id (the OData set's stable order): with Id in the key the index
-- gives the full order (no sort), and with Tier included a page's keys are found by an index-only scan, filtered by tier
-- in the index (the supplier list and OData's Country eq … and Tier le … ). The rows skipped by $skip are then never read
-- from the table: only the page's own rows are (see ODataEndpoint.Page).
DROP INDEX "IX_Suppliers_OrganizationId_Country_Name";
CREATE INDEX "IX_Suppliers_OrganizationId_Country_Name_Id" ON "Suppliers" ("OrganizationId", "Country", "Name", "Id") INCLUDE ("Tier");
