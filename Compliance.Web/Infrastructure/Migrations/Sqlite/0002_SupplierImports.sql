CREATE TABLE "SupplierImportMappings" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_SupplierImportMappings" PRIMARY KEY,
    "OrganizationId" TEXT NOT NULL,
    "HeaderSignature" TEXT NOT NULL,
    "Mapping" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    CONSTRAINT "FK_SupplierImportMappings_Organizations_OrganizationId" FOREIGN KEY ("OrganizationId") REFERENCES "Organizations" ("Id") ON DELETE CASCADE
);

CREATE TABLE "SupplierImports" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_SupplierImports" PRIMARY KEY,
    "OrganizationId" TEXT NOT NULL,
    "FileName" TEXT NOT NULL,
    "FileKey" TEXT NOT NULL,
    "FileSize" INTEGER NOT NULL,
    "FileSha256" TEXT NOT NULL,
    "Format" TEXT NOT NULL,
    "Encoding" TEXT NULL,
    "Delimiter" TEXT NULL,
    "Sheet" TEXT NULL,
    "HeaderRow" INTEGER NOT NULL,
    "Headers" TEXT NOT NULL,
    "Mapping" TEXT NOT NULL,
    "RequestedBy" TEXT NOT NULL,
    "Status" TEXT NOT NULL,
    "TotalRows" INTEGER NOT NULL,
    "ProcessedRows" INTEGER NOT NULL,
    "NextRow" INTEGER NOT NULL,
    "AddedRows" INTEGER NOT NULL,
    "UpdatedRows" INTEGER NOT NULL,
    "UnchangedRows" INTEGER NOT NULL,
    "RejectedRows" INTEGER NOT NULL,
    "WarningCount" INTEGER NOT NULL,
    "Attempts" INTEGER NOT NULL,
    "ClaimedBy" TEXT NULL,
    "LeaseUntil" TEXT NULL,
    "FailureReason" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    "StartedAt" TEXT NULL,
    "CompletedAt" TEXT NULL,
    CONSTRAINT "FK_SupplierImports_Organizations_OrganizationId" FOREIGN KEY ("OrganizationId") REFERENCES "Organizations" ("Id") ON DELETE CASCADE
);

CREATE TABLE "SupplierImportIssues" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_SupplierImportIssues" PRIMARY KEY,
    "OrganizationId" TEXT NOT NULL,
    "ImportId" TEXT NOT NULL,
    "Row" INTEGER NOT NULL,
    "Column" TEXT NOT NULL,
    "Severity" TEXT NOT NULL,
    "Code" TEXT NOT NULL,
    "Message" TEXT NOT NULL,
    "ExistingSupplierId" TEXT NULL,
    CONSTRAINT "FK_SupplierImportIssues_SupplierImports_ImportId" FOREIGN KEY ("ImportId") REFERENCES "SupplierImports" ("Id") ON DELETE CASCADE
);

CREATE TABLE "SupplierImportRejections" (
    "ImportId" TEXT NOT NULL,
    "Row" INTEGER NOT NULL,
    "OrganizationId" TEXT NOT NULL,
    "Cells" TEXT NOT NULL,
    "Errors" TEXT NOT NULL,
    CONSTRAINT "PK_SupplierImportRejections" PRIMARY KEY ("ImportId", "Row"),
    CONSTRAINT "FK_SupplierImportRejections_SupplierImports_ImportId" FOREIGN KEY ("ImportId") REFERENCES "SupplierImports" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_SupplierImportIssues_ImportId_Row" ON "SupplierImportIssues" ("ImportId", "Row");

CREATE UNIQUE INDEX "IX_SupplierImportMappings_OrganizationId_HeaderSignature" ON "SupplierImportMappings" ("OrganizationId", "HeaderSignature");

CREATE INDEX "IX_SupplierImports_OrganizationId_CreatedAt" ON "SupplierImports" ("OrganizationId", "CreatedAt");

CREATE INDEX "IX_SupplierImports_Status_CreatedAt" ON "SupplierImports" ("Status", "CreatedAt");
