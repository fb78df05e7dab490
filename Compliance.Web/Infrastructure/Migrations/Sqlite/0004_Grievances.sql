ALTER TABLE "OrganizationSettings" ADD "GrievanceAcknowledgeDays" INTEGER NULL;

ALTER TABLE "OrganizationSettings" ADD "GrievanceOutcomeDays" INTEGER NULL;

CREATE TABLE "Grievances" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Grievances" PRIMARY KEY,
    "OrganizationId" TEXT NOT NULL,
    "ReceiptCode" TEXT NOT NULL,
    "PassphraseHash" TEXT NOT NULL,
    "Channel" TEXT NOT NULL,
    "Language" TEXT NOT NULL,
    "Category" TEXT NOT NULL,
    "DescriptionProtected" TEXT NOT NULL,
    "WorkplaceProtected" TEXT NULL,
    "ContactProtected" TEXT NULL,
    "ReporterGaveContact" INTEGER NOT NULL,
    "SupplierId" TEXT NULL,
    "AssignedTo" TEXT NULL,
    "Status" TEXT NOT NULL,
    "ReceivedAt" TEXT NOT NULL,
    "AcknowledgedAt" TEXT NULL,
    "OutcomeAt" TEXT NULL,
    "ClosedAt" TEXT NULL,
    "Substantiated" INTEGER NULL,
    "AcknowledgeBy" TEXT NOT NULL,
    "OutcomeBy" TEXT NOT NULL,
    "AcknowledgeBreachedAt" TEXT NULL,
    "OutcomeBreachedAt" TEXT NULL,
    "RetaliationWatch" INTEGER NOT NULL,
    "RetaliationFollowUpOn" TEXT NULL,
    "CredibleInformation" INTEGER NOT NULL,
    "ClosingNote" TEXT NULL,
    "UpdatedAt" TEXT NOT NULL,
    CONSTRAINT "FK_Grievances_Organizations_OrganizationId" FOREIGN KEY ("OrganizationId") REFERENCES "Organizations" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_Grievances_Suppliers_SupplierId" FOREIGN KEY ("SupplierId") REFERENCES "Suppliers" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "GrievanceMessages" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_GrievanceMessages" PRIMARY KEY,
    "OrganizationId" TEXT NOT NULL,
    "GrievanceId" TEXT NOT NULL,
    "Author" TEXT NOT NULL,
    "HandlerName" TEXT NULL,
    "Internal" INTEGER NOT NULL,
    "BodyProtected" TEXT NOT NULL,
    "SentAt" TEXT NOT NULL,
    CONSTRAINT "FK_GrievanceMessages_Grievances_GrievanceId" FOREIGN KEY ("GrievanceId") REFERENCES "Grievances" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_GrievanceMessages_GrievanceId" ON "GrievanceMessages" ("GrievanceId");

CREATE INDEX "IX_GrievanceMessages_OrganizationId_GrievanceId_SentAt" ON "GrievanceMessages" ("OrganizationId", "GrievanceId", "SentAt");

CREATE UNIQUE INDEX "IX_Grievances_OrganizationId_ReceiptCode" ON "Grievances" ("OrganizationId", "ReceiptCode");

CREATE INDEX "IX_Grievances_OrganizationId_Status_ReceivedAt" ON "Grievances" ("OrganizationId", "Status", "ReceivedAt");

CREATE INDEX "IX_Grievances_OrganizationId_SupplierId" ON "Grievances" ("OrganizationId", "SupplierId");

CREATE INDEX "IX_Grievances_SupplierId" ON "Grievances" ("SupplierId");
