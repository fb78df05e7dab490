CREATE TABLE "SupplierImportMappings" (
    "Id" uuid NOT NULL,
    "OrganizationId" uuid NOT NULL,
    "HeaderSignature" character varying(64) NOT NULL,
    "Mapping" text NOT NULL,
    "UpdatedAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_SupplierImportMappings" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_SupplierImportMappings_Organizations_OrganizationId" FOREIGN KEY ("OrganizationId") REFERENCES "Organizations" ("Id") ON DELETE CASCADE
);

CREATE TABLE "SupplierImports" (
    "Id" uuid NOT NULL,
    "OrganizationId" uuid NOT NULL,
    "FileName" character varying(260) NOT NULL,
    "FileKey" character varying(500) NOT NULL,
    "FileSize" bigint NOT NULL,
    "FileSha256" character varying(64) NOT NULL,
    "Format" character varying(40) NOT NULL,
    "Encoding" character varying(40),
    "Delimiter" character varying(4),
    "Sheet" character varying(100),
    "HeaderRow" integer NOT NULL,
    "Headers" text NOT NULL,
    "Mapping" text NOT NULL,
    "RequestedBy" character varying(256) NOT NULL,
    "Status" character varying(40) NOT NULL,
    "TotalRows" integer NOT NULL,
    "ProcessedRows" integer NOT NULL,
    "NextRow" integer NOT NULL,
    "AddedRows" integer NOT NULL,
    "UpdatedRows" integer NOT NULL,
    "UnchangedRows" integer NOT NULL,
    "RejectedRows" integer NOT NULL,
    "WarningCount" integer NOT NULL,
    "Attempts" integer NOT NULL,
    "ClaimedBy" character varying(200),
    "LeaseUntil" timestamp with time zone,
    "FailureReason" character varying(2000),
    "CreatedAt" timestamp with time zone NOT NULL,
    "StartedAt" timestamp with time zone,
    "CompletedAt" timestamp with time zone,
    CONSTRAINT "PK_SupplierImports" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_SupplierImports_Organizations_OrganizationId" FOREIGN KEY ("OrganizationId") REFERENCES "Organizations" ("Id") ON DELETE CASCADE
);

CREATE TABLE "SupplierImportIssues" (
    "Id" uuid NOT NULL,
    "OrganizationId" uuid NOT NULL,
    "ImportId" uuid NOT NULL,
    "Row" integer NOT NULL,
    "Column" character varying(200) NOT NULL,
    "Severity" character varying(40) NOT NULL,
    "Code" character varying(60) NOT NULL,
    "Message" character varying(1000) NOT NULL,
    "ExistingSupplierId" uuid,
    CONSTRAINT "PK_SupplierImportIssues" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_SupplierImportIssues_SupplierImports_ImportId" FOREIGN KEY ("ImportId") REFERENCES "SupplierImports" ("Id") ON DELETE CASCADE
);

CREATE TABLE "SupplierImportRejections" (
    "ImportId" uuid NOT NULL,
    "Row" integer NOT NULL,
    "OrganizationId" uuid NOT NULL,
    "Cells" text NOT NULL,
    "Errors" text NOT NULL,
    CONSTRAINT "PK_SupplierImportRejections" PRIMARY KEY ("ImportId", "Row"),
    CONSTRAINT "FK_SupplierImportRejections_SupplierImports_ImportId" FOREIGN KEY ("ImportId") REFERENCES "SupplierImports" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_SupplierImportIssues_ImportId_Row" ON "SupplierImportIssues" ("ImportId", "Row");

CREATE UNIQUE INDEX "IX_SupplierImportMappings_OrganizationId_HeaderSignature" ON "SupplierImportMappings" ("OrganizationId", "HeaderSignature");

CREATE INDEX "IX_SupplierImports_OrganizationId_CreatedAt" ON "SupplierImports" ("OrganizationId", "CreatedAt");

CREATE INDEX "IX_SupplierImports_Status_CreatedAt" ON "SupplierImports" ("Status", "CreatedAt");
