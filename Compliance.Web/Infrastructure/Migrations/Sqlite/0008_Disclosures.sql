CREATE TABLE "Disclosures" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Disclosures" PRIMARY KEY,
    "OrganizationId" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "PeriodStart" TEXT NOT NULL,
    "PeriodEnd" TEXT NOT NULL,
    "ContractId" TEXT NULL,
    "Status" TEXT NOT NULL,
    "EditsJson" TEXT NULL,
    "IssuedContentJson" TEXT NULL,
    "PdfSha256" TEXT NULL,
    "PdfLength" INTEGER NULL,
    "CreatedAt" TEXT NOT NULL,
    "CreatedBy" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    "IssuedAt" TEXT NULL,
    "IssuedBy" TEXT NULL,
    "SupersededById" TEXT NULL,
    "SupersededAt" TEXT NULL,
    CONSTRAINT "FK_Disclosures_Organizations_OrganizationId" FOREIGN KEY ("OrganizationId") REFERENCES "Organizations" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_Disclosures_OrganizationId_Kind_Status_IssuedAt" ON "Disclosures" ("OrganizationId", "Kind", "Status", "IssuedAt");
