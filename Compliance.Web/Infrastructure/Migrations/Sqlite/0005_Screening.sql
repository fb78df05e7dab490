-- Issue 4: stored risk-list editions (platform or an organization's own), screening runs, hits and reviewer decisions.
CREATE TABLE "RiskLists" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_RiskLists" PRIMARY KEY,
    "OwnerOrganizationId" TEXT NULL,
    "Kind" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "Edition" TEXT NOT NULL,
    "Source" TEXT NOT NULL,
    "Sha256" TEXT NOT NULL,
    "Published" TEXT NULL,
    "IsPartial" INTEGER NOT NULL,
    "Notes" TEXT NULL,
    "FileName" TEXT NULL,
    "EntryCount" INTEGER NOT NULL,
    "ImportedBy" TEXT NOT NULL,
    "ImportedAt" TEXT NOT NULL,
    CONSTRAINT "FK_RiskLists_Organizations_OwnerOrganizationId" FOREIGN KEY ("OwnerOrganizationId") REFERENCES "Organizations" ("Id") ON DELETE CASCADE
);

CREATE TABLE "ScreeningRuns" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_ScreeningRuns" PRIMARY KEY,
    "OrganizationId" TEXT NOT NULL,
    "Trigger" TEXT NOT NULL,
    "Status" TEXT NOT NULL,
    "RequestedBy" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "StartedAt" TEXT NULL,
    "CompletedAt" TEXT NULL,
    "Editions" TEXT NULL,
    "SuppliersScreened" INTEGER NOT NULL,
    "HitsFound" INTEGER NOT NULL,
    "NewHits" INTEGER NOT NULL,
    "ChangedHits" INTEGER NOT NULL,
    "ClearedHits" INTEGER NOT NULL,
    "Error" TEXT NULL,
    "ClaimedBy" TEXT NULL,
    "LeaseUntil" TEXT NULL,
    "Attempts" INTEGER NOT NULL,
    CONSTRAINT "FK_ScreeningRuns_Organizations_OrganizationId" FOREIGN KEY ("OrganizationId") REFERENCES "Organizations" ("Id") ON DELETE CASCADE
);

CREATE TABLE "RiskListEntries" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_RiskListEntries" PRIMARY KEY,
    "RiskListId" TEXT NOT NULL,
    "OwnerOrganizationId" TEXT NULL,
    "Key" TEXT NOT NULL,
    "Fingerprint" TEXT NOT NULL,
    "Good" TEXT NULL,
    "Country" TEXT NULL,
    "CountryAsListed" TEXT NULL,
    "ChildLabor" INTEGER NOT NULL,
    "ForcedLabor" INTEGER NOT NULL,
    "ForcedChildLabor" INTEGER NOT NULL,
    "Sector" TEXT NULL,
    "Downstream" INTEGER NOT NULL,
    "InputGood" TEXT NULL,
    "InputCountry" TEXT NULL,
    "Status" TEXT NOT NULL,
    "StatusNote" TEXT NULL,
    "EntityName" TEXT NULL,
    "Aliases" TEXT NOT NULL,
    "EntityType" TEXT NULL,
    "EntitySource" TEXT NULL,
    "Notes" TEXT NULL,
    CONSTRAINT "FK_RiskListEntries_RiskLists_RiskListId" FOREIGN KEY ("RiskListId") REFERENCES "RiskLists" ("Id") ON DELETE CASCADE
);

CREATE TABLE "ScreeningHits" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_ScreeningHits" PRIMARY KEY,
    "OrganizationId" TEXT NOT NULL,
    "SupplierId" TEXT NOT NULL,
    "SupplierProductId" TEXT NULL,
    "RiskListId" TEXT NOT NULL,
    "RiskListEntryId" TEXT NULL,
    "Kind" TEXT NOT NULL,
    "ListKind" TEXT NOT NULL,
    "ListName" TEXT NOT NULL,
    "Edition" TEXT NOT NULL,
    "Good" TEXT NULL,
    "EntityName" TEXT NULL,
    "Country" TEXT NULL,
    "ChildLabor" INTEGER NOT NULL,
    "ForcedLabor" INTEGER NOT NULL,
    "ForcedChildLabor" INTEGER NOT NULL,
    "Downstream" INTEGER NOT NULL,
    "Score" REAL NOT NULL,
    "MatchedOn" TEXT NOT NULL,
    "MatchedText" TEXT NOT NULL,
    "Rule" TEXT NOT NULL,
    "Explanation" TEXT NOT NULL,
    "EntryKey" TEXT NOT NULL,
    "EntryFingerprint" TEXT NOT NULL,
    "DecisionKey" TEXT NOT NULL,
    "Status" TEXT NOT NULL,
    "EntryChanged" INTEGER NOT NULL,
    "DecidedBy" TEXT NULL,
    "DecidedAt" TEXT NULL,
    "DecisionReason" TEXT NULL,
    "FirstRunId" TEXT NOT NULL,
    "FirstSeenAt" TEXT NOT NULL,
    "LastRunId" TEXT NOT NULL,
    "LastSeenAt" TEXT NOT NULL,
    "ClearedAt" TEXT NULL,
    "PreviousHitId" TEXT NULL,
    CONSTRAINT "FK_ScreeningHits_RiskLists_RiskListId" FOREIGN KEY ("RiskListId") REFERENCES "RiskLists" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_ScreeningHits_Suppliers_SupplierId" FOREIGN KEY ("SupplierId") REFERENCES "Suppliers" ("Id") ON DELETE CASCADE
);

CREATE TABLE "ScreeningDecisions" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_ScreeningDecisions" PRIMARY KEY,
    "OrganizationId" TEXT NOT NULL,
    "HitId" TEXT NOT NULL,
    "SupplierId" TEXT NOT NULL,
    "DecisionKey" TEXT NOT NULL,
    "EntryFingerprint" TEXT NOT NULL,
    "Status" TEXT NOT NULL,
    "Reason" TEXT NULL,
    "DecidedBy" TEXT NOT NULL,
    "DecidedAt" TEXT NOT NULL,
    CONSTRAINT "FK_ScreeningDecisions_ScreeningHits_HitId" FOREIGN KEY ("HitId") REFERENCES "ScreeningHits" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_RiskListEntries_RiskListId_Key" ON "RiskListEntries" ("RiskListId", "Key");

CREATE INDEX "IX_RiskLists_OwnerOrganizationId_Kind_Name_Edition" ON "RiskLists" ("OwnerOrganizationId", "Kind", "Name", "Edition");

CREATE INDEX "IX_RiskLists_OwnerOrganizationId_Kind_Sha256_Edition" ON "RiskLists" ("OwnerOrganizationId", "Kind", "Sha256", "Edition");

CREATE INDEX "IX_ScreeningDecisions_HitId" ON "ScreeningDecisions" ("HitId");

CREATE INDEX "IX_ScreeningDecisions_OrganizationId_SupplierId_DecisionKey" ON "ScreeningDecisions" ("OrganizationId", "SupplierId", "DecisionKey");

CREATE INDEX "IX_ScreeningHits_OrganizationId_Status_ClearedAt" ON "ScreeningHits" ("OrganizationId", "Status", "ClearedAt");

CREATE INDEX "IX_ScreeningHits_OrganizationId_SupplierId_ClearedAt" ON "ScreeningHits" ("OrganizationId", "SupplierId", "ClearedAt");

CREATE INDEX "IX_ScreeningHits_RiskListId" ON "ScreeningHits" ("RiskListId");

CREATE INDEX "IX_ScreeningHits_SupplierId" ON "ScreeningHits" ("SupplierId");

CREATE INDEX "IX_ScreeningRuns_OrganizationId_CreatedAt" ON "ScreeningRuns" ("OrganizationId", "CreatedAt");

CREATE INDEX "IX_ScreeningRuns_Status_CreatedAt" ON "ScreeningRuns" ("Status", "CreatedAt");
