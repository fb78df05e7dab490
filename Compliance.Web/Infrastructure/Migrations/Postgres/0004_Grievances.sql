ALTER TABLE "OrganizationSettings" ADD "GrievanceAcknowledgeDays" integer NULL;

ALTER TABLE "OrganizationSettings" ADD "GrievanceOutcomeDays" integer NULL;

CREATE TABLE "Grievances" (
    "Id" uuid NOT NULL,
    "OrganizationId" uuid NOT NULL,
    "ReceiptCode" character varying(20) NOT NULL,
    "PassphraseHash" character varying(64) NOT NULL,
    "Channel" character varying(40) NOT NULL,
    "Language" character varying(20) NOT NULL,
    "Category" character varying(40) NOT NULL,
    "DescriptionProtected" character varying(40000) NOT NULL,
    "WorkplaceProtected" character varying(4000),
    "ContactProtected" character varying(4000),
    "ReporterGaveContact" boolean NOT NULL,
    "SupplierId" uuid,
    "AssignedTo" character varying(256),
    "Status" character varying(40) NOT NULL,
    "ReceivedAt" timestamp with time zone NOT NULL,
    "AcknowledgedAt" timestamp with time zone,
    "OutcomeAt" timestamp with time zone,
    "ClosedAt" timestamp with time zone,
    "Substantiated" boolean,
    "AcknowledgeBy" date NOT NULL,
    "OutcomeBy" date NOT NULL,
    "AcknowledgeBreachedAt" timestamp with time zone,
    "OutcomeBreachedAt" timestamp with time zone,
    "RetaliationWatch" boolean NOT NULL,
    "RetaliationFollowUpOn" date,
    "CredibleInformation" boolean NOT NULL,
    "ClosingNote" character varying(2000),
    "UpdatedAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_Grievances" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_Grievances_Organizations_OrganizationId" FOREIGN KEY ("OrganizationId") REFERENCES "Organizations" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_Grievances_Suppliers_SupplierId" FOREIGN KEY ("SupplierId") REFERENCES "Suppliers" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "GrievanceMessages" (
    "Id" uuid NOT NULL,
    "OrganizationId" uuid NOT NULL,
    "GrievanceId" uuid NOT NULL,
    "Author" character varying(40) NOT NULL,
    "HandlerName" character varying(256),
    "Internal" boolean NOT NULL,
    "BodyProtected" character varying(40000) NOT NULL,
    "SentAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_GrievanceMessages" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_GrievanceMessages_Grievances_GrievanceId" FOREIGN KEY ("GrievanceId") REFERENCES "Grievances" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_GrievanceMessages_GrievanceId" ON "GrievanceMessages" ("GrievanceId");

CREATE INDEX "IX_GrievanceMessages_OrganizationId_GrievanceId_SentAt" ON "GrievanceMessages" ("OrganizationId", "GrievanceId", "SentAt");

CREATE UNIQUE INDEX "IX_Grievances_OrganizationId_ReceiptCode" ON "Grievances" ("OrganizationId", "ReceiptCode");

CREATE INDEX "IX_Grievances_OrganizationId_Status_ReceivedAt" ON "Grievances" ("OrganizationId", "Status", "ReceivedAt");

CREATE INDEX "IX_Grievances_OrganizationId_SupplierId" ON "Grievances" ("OrganizationId", "SupplierId");

CREATE INDEX "IX_Grievances_SupplierId" ON "Grievances" ("SupplierId");
