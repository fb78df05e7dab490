CREATE TABLE "EvidenceFiles" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_EvidenceFiles" PRIMARY KEY,
    "OrganizationId" TEXT NOT NULL,
    "OwnerType" TEXT NOT NULL,
    "OwnerId" TEXT NOT NULL,
    "FileName" TEXT NOT NULL,
    "ContentType" TEXT NOT NULL,
    "Length" INTEGER NOT NULL,
    "Sha256" TEXT NOT NULL,
    "Description" TEXT NULL,
    "UploadedAt" TEXT NOT NULL,
    "UploadedBy" TEXT NOT NULL,
    CONSTRAINT "FK_EvidenceFiles_Organizations_OrganizationId" FOREIGN KEY ("OrganizationId") REFERENCES "Organizations" ("Id") ON DELETE CASCADE
);

CREATE TABLE "Notifications" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Notifications" PRIMARY KEY,
    "OrganizationId" TEXT NOT NULL,
    "Key" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "Message" TEXT NOT NULL,
    "Link" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    "ReadAt" TEXT NULL,
    CONSTRAINT "FK_Notifications_Organizations_OrganizationId" FOREIGN KEY ("OrganizationId") REFERENCES "Organizations" ("Id") ON DELETE CASCADE
);

CREATE TABLE "OrganizationSettings" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_OrganizationSettings" PRIMARY KEY,
    "OrganizationId" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    "CorrectiveActionPolicy_MajorDays" INTEGER NOT NULL,
    "CorrectiveActionPolicy_MinorDays" INTEGER NOT NULL,
    "CorrectiveActionPolicy_ObservationDays" INTEGER NOT NULL,
    "CorrectiveActionPolicy_ZeroToleranceDays" INTEGER NOT NULL,
    CONSTRAINT "FK_OrganizationSettings_Organizations_OrganizationId" FOREIGN KEY ("OrganizationId") REFERENCES "Organizations" ("Id") ON DELETE CASCADE
);

CREATE TABLE "Audits" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Audits" PRIMARY KEY,
    "OrganizationId" TEXT NOT NULL,
    "SupplierId" TEXT NOT NULL,
    "Scheme" TEXT NOT NULL,
    "Type" TEXT NOT NULL,
    "Announcement" TEXT NOT NULL,
    "IsIndependent" INTEGER NOT NULL,
    "AuditFirm" TEXT NULL,
    "LeadAuditor" TEXT NULL,
    "StartDate" TEXT NOT NULL,
    "EndDate" TEXT NOT NULL,
    "WorkersInterviewed" INTEGER NULL,
    "Rating" TEXT NULL,
    "Summary" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    CONSTRAINT "FK_Audits_Organizations_OrganizationId" FOREIGN KEY ("OrganizationId") REFERENCES "Organizations" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_Audits_Suppliers_SupplierId" FOREIGN KEY ("SupplierId") REFERENCES "Suppliers" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "Findings" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Findings" PRIMARY KEY,
    "OrganizationId" TEXT NOT NULL,
    "AuditId" TEXT NOT NULL,
    "SupplierId" TEXT NOT NULL,
    "IloIndicator" TEXT NULL,
    "FarActivity" TEXT NULL,
    "Severity" TEXT NOT NULL,
    "Description" TEXT NOT NULL,
    "RaisedOn" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    CONSTRAINT "FK_Findings_Audits_AuditId" FOREIGN KEY ("AuditId") REFERENCES "Audits" ("Id") ON DELETE CASCADE
);

CREATE TABLE "CorrectiveActions" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_CorrectiveActions" PRIMARY KEY,
    "OrganizationId" TEXT NOT NULL,
    "FindingId" TEXT NOT NULL,
    "SupplierId" TEXT NOT NULL,
    "Description" TEXT NOT NULL,
    "Owner" TEXT NOT NULL,
    "DueDate" TEXT NOT NULL,
    "Status" TEXT NOT NULL,
    "VerificationMethod" TEXT NULL,
    "CompletedAt" TEXT NULL,
    "VerifiedAt" TEXT NULL,
    "VerifiedBy" TEXT NULL,
    "DisputeReason" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    CONSTRAINT "FK_CorrectiveActions_Findings_FindingId" FOREIGN KEY ("FindingId") REFERENCES "Findings" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_Audits_OrganizationId_EndDate" ON "Audits" ("OrganizationId", "EndDate");

CREATE INDEX "IX_Audits_OrganizationId_SupplierId_EndDate" ON "Audits" ("OrganizationId", "SupplierId", "EndDate");

CREATE INDEX "IX_Audits_SupplierId" ON "Audits" ("SupplierId");

CREATE INDEX "IX_CorrectiveActions_FindingId" ON "CorrectiveActions" ("FindingId");

CREATE INDEX "IX_CorrectiveActions_OrganizationId_Status_DueDate" ON "CorrectiveActions" ("OrganizationId", "Status", "DueDate");

CREATE INDEX "IX_CorrectiveActions_OrganizationId_SupplierId" ON "CorrectiveActions" ("OrganizationId", "SupplierId");

CREATE INDEX "IX_EvidenceFiles_OrganizationId_OwnerType_OwnerId" ON "EvidenceFiles" ("OrganizationId", "OwnerType", "OwnerId");

CREATE INDEX "IX_EvidenceFiles_OrganizationId_Sha256" ON "EvidenceFiles" ("OrganizationId", "Sha256");

CREATE INDEX "IX_Findings_AuditId" ON "Findings" ("AuditId");

CREATE INDEX "IX_Findings_OrganizationId_SupplierId" ON "Findings" ("OrganizationId", "SupplierId");

CREATE INDEX "IX_Notifications_OrganizationId_CreatedAt" ON "Notifications" ("OrganizationId", "CreatedAt");

CREATE UNIQUE INDEX "IX_Notifications_OrganizationId_Key" ON "Notifications" ("OrganizationId", "Key");

CREATE UNIQUE INDEX "IX_OrganizationSettings_OrganizationId" ON "OrganizationSettings" ("OrganizationId");
