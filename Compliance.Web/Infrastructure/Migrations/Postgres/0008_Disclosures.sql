CREATE TABLE "Disclosures" (
    "Id" uuid NOT NULL,
    "OrganizationId" uuid NOT NULL,
    "Kind" character varying(40) NOT NULL,
    "PeriodStart" date NOT NULL,
    "PeriodEnd" date NOT NULL,
    "ContractId" uuid,
    "Status" character varying(40) NOT NULL,
    "EditsJson" text,
    "IssuedContentJson" text,
    "PdfSha256" character(64),
    "PdfLength" bigint,
    "CreatedAt" timestamp with time zone NOT NULL,
    "CreatedBy" character varying(256) NOT NULL,
    "UpdatedAt" timestamp with time zone NOT NULL,
    "IssuedAt" timestamp with time zone,
    "IssuedBy" character varying(256),
    "SupersededById" uuid,
    "SupersededAt" timestamp with time zone,
    CONSTRAINT "PK_Disclosures" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_Disclosures_Organizations_OrganizationId" FOREIGN KEY ("OrganizationId") REFERENCES "Organizations" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_Disclosures_OrganizationId_Kind_Status_IssuedAt" ON "Disclosures" ("OrganizationId", "Kind", "Status", "IssuedAt");
