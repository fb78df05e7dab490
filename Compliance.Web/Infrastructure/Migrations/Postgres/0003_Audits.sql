CREATE TABLE "EvidenceFiles" (
    "Id" uuid NOT NULL,
    "OrganizationId" uuid NOT NULL,
    "OwnerType" character varying(40) NOT NULL,
    "OwnerId" uuid NOT NULL,
    "FileName" character varying(255) NOT NULL,
    "ContentType" character varying(100) NOT NULL,
    "Length" bigint NOT NULL,
    "Sha256" character(64) NOT NULL,
    "Description" character varying(1000),
    "UploadedAt" timestamp with time zone NOT NULL,
    "UploadedBy" character varying(256) NOT NULL,
    CONSTRAINT "PK_EvidenceFiles" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_EvidenceFiles_Organizations_OrganizationId" FOREIGN KEY ("OrganizationId") REFERENCES "Organizations" ("Id") ON DELETE CASCADE
);

CREATE TABLE "Notifications" (
    "Id" uuid NOT NULL,
    "OrganizationId" uuid NOT NULL,
    "Key" character varying(200) NOT NULL,
    "Kind" character varying(60) NOT NULL,
    "Message" character varying(1000) NOT NULL,
    "Link" character varying(300),
    "CreatedAt" timestamp with time zone NOT NULL,
    "ReadAt" timestamp with time zone,
    CONSTRAINT "PK_Notifications" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_Notifications_Organizations_OrganizationId" FOREIGN KEY ("OrganizationId") REFERENCES "Organizations" ("Id") ON DELETE CASCADE
);

CREATE TABLE "OrganizationSettings" (
    "Id" uuid NOT NULL,
    "OrganizationId" uuid NOT NULL,
    "UpdatedAt" timestamp with time zone NOT NULL,
    "CorrectiveActionPolicy_MajorDays" integer NOT NULL,
    "CorrectiveActionPolicy_MinorDays" integer NOT NULL,
    "CorrectiveActionPolicy_ObservationDays" integer NOT NULL,
    "CorrectiveActionPolicy_ZeroToleranceDays" integer NOT NULL,
    CONSTRAINT "PK_OrganizationSettings" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_OrganizationSettings_Organizations_OrganizationId" FOREIGN KEY ("OrganizationId") REFERENCES "Organizations" ("Id") ON DELETE CASCADE
);

CREATE TABLE "Audits" (
    "Id" uuid NOT NULL,
    "OrganizationId" uuid NOT NULL,
    "SupplierId" uuid NOT NULL,
    "Scheme" character varying(40) NOT NULL,
    "Type" character varying(40) NOT NULL,
    "Announcement" character varying(40) NOT NULL,
    "IsIndependent" boolean NOT NULL,
    "AuditFirm" character varying(200),
    "LeadAuditor" character varying(200),
    "StartDate" date NOT NULL,
    "EndDate" date NOT NULL,
    "WorkersInterviewed" integer,
    "Rating" character varying(40),
    "Summary" character varying(4000),
    "CreatedAt" timestamp with time zone NOT NULL,
    "UpdatedAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_Audits" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_Audits_Organizations_OrganizationId" FOREIGN KEY ("OrganizationId") REFERENCES "Organizations" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_Audits_Suppliers_SupplierId" FOREIGN KEY ("SupplierId") REFERENCES "Suppliers" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "Findings" (
    "Id" uuid NOT NULL,
    "OrganizationId" uuid NOT NULL,
    "AuditId" uuid NOT NULL,
    "SupplierId" uuid NOT NULL,
    "IloIndicator" character varying(40),
    "FarActivity" character varying(40),
    "Severity" character varying(40) NOT NULL,
    "Description" character varying(4000) NOT NULL,
    "RaisedOn" date NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_Findings" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_Findings_Audits_AuditId" FOREIGN KEY ("AuditId") REFERENCES "Audits" ("Id") ON DELETE CASCADE
);

CREATE TABLE "CorrectiveActions" (
    "Id" uuid NOT NULL,
    "OrganizationId" uuid NOT NULL,
    "FindingId" uuid NOT NULL,
    "SupplierId" uuid NOT NULL,
    "Description" character varying(4000) NOT NULL,
    "Owner" character varying(200) NOT NULL,
    "DueDate" date NOT NULL,
    "Status" character varying(40) NOT NULL,
    "VerificationMethod" character varying(40),
    "CompletedAt" timestamp with time zone,
    "VerifiedAt" timestamp with time zone,
    "VerifiedBy" character varying(256),
    "DisputeReason" character varying(2000),
    "CreatedAt" timestamp with time zone NOT NULL,
    "UpdatedAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_CorrectiveActions" PRIMARY KEY ("Id"),
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
