CREATE TABLE "AccountabilityPolicies" (
    "Id" uuid NOT NULL,
    "OrganizationId" uuid NOT NULL,
    "Text" character varying(20000) NOT NULL,
    "AdoptedOn" date NOT NULL,
    "UpdatedAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_AccountabilityPolicies" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_AccountabilityPolicies_Organizations_OrganizationId" FOREIGN KEY ("OrganizationId") REFERENCES "Organizations" ("Id") ON DELETE CASCADE
);

CREATE TABLE "CompliancePlanElements" (
    "Id" uuid NOT NULL,
    "OrganizationId" uuid NOT NULL,
    "Kind" character varying(40) NOT NULL,
    CONSTRAINT "PK_CompliancePlanElements" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_CompliancePlanElements_Organizations_OrganizationId" FOREIGN KEY ("OrganizationId") REFERENCES "Organizations" ("Id") ON DELETE CASCADE
);

CREATE TABLE "CompliancePlanVersions" (
    "Id" uuid NOT NULL,
    "OrganizationId" uuid NOT NULL,
    "Version" integer NOT NULL,
    "AwarenessProgram" character varying(20000) NOT NULL,
    "ReportingProcess" character varying(20000) NOT NULL,
    "RecruitmentAndWagePlan" character varying(20000) NOT NULL,
    "HousingPlan" character varying(20000),
    "SubcontractorProcedures" character varying(20000) NOT NULL,
    "SavedAt" timestamp with time zone NOT NULL,
    "SavedBy" character varying(256) NOT NULL,
    CONSTRAINT "PK_CompliancePlanVersions" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_CompliancePlanVersions_Organizations_OrganizationId" FOREIGN KEY ("OrganizationId") REFERENCES "Organizations" ("Id") ON DELETE CASCADE
);

CREATE TABLE "EnforcementActions" (
    "Id" uuid NOT NULL,
    "OrganizationId" uuid NOT NULL,
    "TakenOn" date NOT NULL,
    "Against" character varying(40) NOT NULL,
    "Description" character varying(4000) NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_EnforcementActions" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_EnforcementActions_Organizations_OrganizationId" FOREIGN KEY ("OrganizationId") REFERENCES "Organizations" ("Id") ON DELETE CASCADE
);

CREATE TABLE "FederalContracts" (
    "Id" uuid NOT NULL,
    "OrganizationId" uuid NOT NULL,
    "Number" character varying(100) NOT NULL,
    "Agency" character varying(200) NOT NULL,
    "AgencyKey" character varying(200) NOT NULL,
    "ContractingOfficerEmail" character varying(256) NOT NULL,
    "Value" numeric(18,2) NOT NULL,
    "OutsideUsValue" numeric(18,2) NOT NULL,
    "AwardDate" date NOT NULL,
    "CompliancePlanRequired" boolean NOT NULL,
    "ThresholdApplied" numeric(18,2),
    "Reason" character varying(1000) NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    "UpdatedAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_FederalContracts" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_FederalContracts_Organizations_OrganizationId" FOREIGN KEY ("OrganizationId") REFERENCES "Organizations" ("Id") ON DELETE CASCADE
);

CREATE TABLE "TrainingSessions" (
    "Id" uuid NOT NULL,
    "OrganizationId" uuid NOT NULL,
    "Title" character varying(300) NOT NULL,
    "HeldOn" date NOT NULL,
    "Audience" character varying(40) NOT NULL,
    "Trained" integer NOT NULL,
    "InScope" integer NOT NULL,
    "CoversSupplyChainRiskMitigation" boolean NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_TrainingSessions" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_TrainingSessions_Organizations_OrganizationId" FOREIGN KEY ("OrganizationId") REFERENCES "Organizations" ("Id") ON DELETE CASCADE
);

CREATE TABLE "Attestations" (
    "Id" uuid NOT NULL,
    "OrganizationId" uuid NOT NULL,
    "Kind" character varying(40) NOT NULL,
    "Status" character varying(40) NOT NULL,
    "SupplierId" uuid,
    "ContractId" uuid,
    "AgencyKey" character varying(200),
    "StatementVersion" character varying(60) NOT NULL,
    "StatementText" character varying(8000) NOT NULL,
    "StatementSha256" character(64) NOT NULL,
    "ContactName" character varying(200),
    "ContactEmail" character varying(256),
    "TokenHash" character(64),
    "LinkExpiresAt" timestamp with time zone,
    "SignerName" character varying(200),
    "SignerTitle" character varying(200),
    "SignedOn" date,
    "SignedAt" timestamp with time zone,
    "ValidUntil" date,
    "SubmittedAt" timestamp with time zone,
    "Submissions" integer NOT NULL,
    "ReviewComments" character varying(4000),
    "ReviewedBy" character varying(256),
    "ReviewedAt" timestamp with time zone,
    "CreatedAt" timestamp with time zone NOT NULL,
    "CreatedBy" character varying(256) NOT NULL,
    CONSTRAINT "PK_Attestations" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_Attestations_FederalContracts_ContractId" FOREIGN KEY ("ContractId") REFERENCES "FederalContracts" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Attestations_Organizations_OrganizationId" FOREIGN KEY ("OrganizationId") REFERENCES "Organizations" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_Attestations_Suppliers_SupplierId" FOREIGN KEY ("SupplierId") REFERENCES "Suppliers" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "AttestationReviews" (
    "Id" uuid NOT NULL,
    "OrganizationId" uuid NOT NULL,
    "AttestationId" uuid NOT NULL,
    "Submission" integer NOT NULL,
    "Decision" character varying(40) NOT NULL,
    "Comments" character varying(4000),
    "ReviewedBy" character varying(256) NOT NULL,
    "Agency" character varying(200) NOT NULL,
    "ReviewedAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_AttestationReviews" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_AttestationReviews_Attestations_AttestationId" FOREIGN KEY ("AttestationId") REFERENCES "Attestations" ("Id") ON DELETE CASCADE
);

CREATE TABLE "CredibleInformationDisclosures" (
    "Id" uuid NOT NULL,
    "OrganizationId" uuid NOT NULL,
    "ContractId" uuid,
    "WhatWasDisclosed" character varying(8000) NOT NULL,
    "ContractingOfficer" character varying(256) NOT NULL,
    "InspectorGeneral" character varying(256) NOT NULL,
    "DisclosedOn" date NOT NULL,
    "ActionsTaken" character varying(8000),
    "GrievanceId" uuid,
    "FindingId" uuid,
    "CreatedAt" timestamp with time zone NOT NULL,
    "CreatedBy" character varying(256) NOT NULL,
    CONSTRAINT "PK_CredibleInformationDisclosures" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_CredibleInformationDisclosures_FederalContracts_ContractId" FOREIGN KEY ("ContractId") REFERENCES "FederalContracts" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_CredibleInformationDisclosures_Findings_FindingId" FOREIGN KEY ("FindingId") REFERENCES "Findings" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_CredibleInformationDisclosures_Grievances_GrievanceId" FOREIGN KEY ("GrievanceId") REFERENCES "Grievances" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_CredibleInformationDisclosures_Organizations_OrganizationId" FOREIGN KEY ("OrganizationId") REFERENCES "Organizations" ("Id") ON DELETE CASCADE
);

CREATE UNIQUE INDEX "IX_AccountabilityPolicies_OrganizationId" ON "AccountabilityPolicies" ("OrganizationId");

CREATE INDEX "IX_AttestationReviews_AttestationId" ON "AttestationReviews" ("AttestationId");

CREATE INDEX "IX_AttestationReviews_OrganizationId_AttestationId" ON "AttestationReviews" ("OrganizationId", "AttestationId");

CREATE INDEX "IX_Attestations_AgencyKey_Status" ON "Attestations" ("AgencyKey", "Status");

CREATE INDEX "IX_Attestations_ContractId" ON "Attestations" ("ContractId");

CREATE INDEX "IX_Attestations_OrganizationId_ContractId" ON "Attestations" ("OrganizationId", "ContractId");

CREATE INDEX "IX_Attestations_OrganizationId_Kind_Status" ON "Attestations" ("OrganizationId", "Kind", "Status");

CREATE INDEX "IX_Attestations_OrganizationId_SupplierId" ON "Attestations" ("OrganizationId", "SupplierId");

CREATE INDEX "IX_Attestations_SupplierId" ON "Attestations" ("SupplierId");

CREATE UNIQUE INDEX "IX_Attestations_TokenHash" ON "Attestations" ("TokenHash");

CREATE UNIQUE INDEX "IX_CompliancePlanElements_OrganizationId_Kind" ON "CompliancePlanElements" ("OrganizationId", "Kind");

CREATE UNIQUE INDEX "IX_CompliancePlanVersions_OrganizationId_Version" ON "CompliancePlanVersions" ("OrganizationId", "Version");

CREATE INDEX "IX_CredibleInformationDisclosures_ContractId" ON "CredibleInformationDisclosures" ("ContractId");

CREATE INDEX "IX_CredibleInformationDisclosures_FindingId" ON "CredibleInformationDisclosures" ("FindingId");

CREATE INDEX "IX_CredibleInformationDisclosures_GrievanceId" ON "CredibleInformationDisclosures" ("GrievanceId");

CREATE INDEX "IX_CredibleInformationDisclosures_OrganizationId_DisclosedOn" ON "CredibleInformationDisclosures" ("OrganizationId", "DisclosedOn");

CREATE INDEX "IX_EnforcementActions_OrganizationId_TakenOn" ON "EnforcementActions" ("OrganizationId", "TakenOn");

CREATE UNIQUE INDEX "IX_FederalContracts_OrganizationId_Number" ON "FederalContracts" ("OrganizationId", "Number");

CREATE INDEX "IX_TrainingSessions_OrganizationId_HeldOn" ON "TrainingSessions" ("OrganizationId", "HeldOn");
