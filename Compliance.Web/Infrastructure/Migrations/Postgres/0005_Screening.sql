-- Issue 4: stored risk-list editions (platform or an organization's own), screening runs, hits and reviewer decisions.
CREATE TABLE "RiskLists" (
    "Id" uuid NOT NULL,
    "OwnerOrganizationId" uuid,
    "Kind" character varying(40) NOT NULL,
    "Name" character varying(200) NOT NULL,
    "Edition" character varying(100) NOT NULL,
    "Source" character varying(1000) NOT NULL,
    "Sha256" character(64) NOT NULL,
    "Published" date,
    "IsPartial" boolean NOT NULL,
    "Notes" character varying(2000),
    "FileName" character varying(255),
    "EntryCount" integer NOT NULL,
    "ImportedBy" character varying(256) NOT NULL,
    "ImportedAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_RiskLists" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_RiskLists_Organizations_OwnerOrganizationId" FOREIGN KEY ("OwnerOrganizationId") REFERENCES "Organizations" ("Id") ON DELETE CASCADE
);

CREATE TABLE "ScreeningRuns" (
    "Id" uuid NOT NULL,
    "OrganizationId" uuid NOT NULL,
    "Trigger" character varying(40) NOT NULL,
    "Status" character varying(40) NOT NULL,
    "RequestedBy" character varying(256) NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    "StartedAt" timestamp with time zone,
    "CompletedAt" timestamp with time zone,
    "Editions" character varying(4000),
    "SuppliersScreened" integer NOT NULL,
    "HitsFound" integer NOT NULL,
    "NewHits" integer NOT NULL,
    "ChangedHits" integer NOT NULL,
    "ClearedHits" integer NOT NULL,
    "Error" character varying(2000),
    "ClaimedBy" character varying(200),
    "LeaseUntil" timestamp with time zone,
    "Attempts" integer NOT NULL,
    CONSTRAINT "PK_ScreeningRuns" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_ScreeningRuns_Organizations_OrganizationId" FOREIGN KEY ("OrganizationId") REFERENCES "Organizations" ("Id") ON DELETE CASCADE
);

CREATE TABLE "RiskListEntries" (
    "Id" uuid NOT NULL,
    "RiskListId" uuid NOT NULL,
    "OwnerOrganizationId" uuid,
    "Key" character varying(400) NOT NULL,
    "Fingerprint" character(64) NOT NULL,
    "Good" character varying(200),
    "Country" character(2),
    "CountryAsListed" character varying(200),
    "ChildLabor" boolean NOT NULL,
    "ForcedLabor" boolean NOT NULL,
    "ForcedChildLabor" boolean NOT NULL,
    "Sector" character varying(100),
    "Downstream" boolean NOT NULL,
    "InputGood" character varying(200),
    "InputCountry" character(2),
    "Status" character varying(40) NOT NULL,
    "StatusNote" character varying(1000),
    "EntityName" character varying(400),
    "Aliases" text[] NOT NULL,
    "EntityType" character varying(100),
    "EntitySource" character varying(1000),
    "Notes" character varying(2000),
    CONSTRAINT "PK_RiskListEntries" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_RiskListEntries_RiskLists_RiskListId" FOREIGN KEY ("RiskListId") REFERENCES "RiskLists" ("Id") ON DELETE CASCADE
);

CREATE TABLE "ScreeningHits" (
    "Id" uuid NOT NULL,
    "OrganizationId" uuid NOT NULL,
    "SupplierId" uuid NOT NULL,
    "SupplierProductId" uuid,
    "RiskListId" uuid NOT NULL,
    "RiskListEntryId" uuid,
    "Kind" character varying(40) NOT NULL,
    "ListKind" character varying(40) NOT NULL,
    "ListName" character varying(200) NOT NULL,
    "Edition" character varying(100) NOT NULL,
    "Good" character varying(200),
    "EntityName" character varying(400),
    "Country" character(2),
    "ChildLabor" boolean NOT NULL,
    "ForcedLabor" boolean NOT NULL,
    "ForcedChildLabor" boolean NOT NULL,
    "Downstream" boolean NOT NULL,
    "Score" double precision NOT NULL,
    "MatchedOn" character varying(100) NOT NULL,
    "MatchedText" character varying(400) NOT NULL,
    "Rule" character varying(40) NOT NULL,
    "Explanation" character varying(4000) NOT NULL,
    "EntryKey" character varying(700) NOT NULL,
    "EntryFingerprint" character(64) NOT NULL,
    "DecisionKey" character(64) NOT NULL,
    "Status" character varying(40) NOT NULL,
    "EntryChanged" boolean NOT NULL,
    "DecidedBy" character varying(256),
    "DecidedAt" timestamp with time zone,
    "DecisionReason" character varying(2000),
    "FirstRunId" uuid NOT NULL,
    "FirstSeenAt" timestamp with time zone NOT NULL,
    "LastRunId" uuid NOT NULL,
    "LastSeenAt" timestamp with time zone NOT NULL,
    "ClearedAt" timestamp with time zone,
    "PreviousHitId" uuid,
    CONSTRAINT "PK_ScreeningHits" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_ScreeningHits_RiskLists_RiskListId" FOREIGN KEY ("RiskListId") REFERENCES "RiskLists" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_ScreeningHits_Suppliers_SupplierId" FOREIGN KEY ("SupplierId") REFERENCES "Suppliers" ("Id") ON DELETE CASCADE
);

CREATE TABLE "ScreeningDecisions" (
    "Id" uuid NOT NULL,
    "OrganizationId" uuid NOT NULL,
    "HitId" uuid NOT NULL,
    "SupplierId" uuid NOT NULL,
    "DecisionKey" character(64) NOT NULL,
    "EntryFingerprint" character(64) NOT NULL,
    "Status" character varying(40) NOT NULL,
    "Reason" character varying(2000),
    "DecidedBy" character varying(256) NOT NULL,
    "DecidedAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_ScreeningDecisions" PRIMARY KEY ("Id"),
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
