CREATE TABLE "AccountabilityPolicies" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_AccountabilityPolicies" PRIMARY KEY,
    "OrganizationId" TEXT NOT NULL,
    "Text" TEXT NOT NULL,
    "AdoptedOn" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    CONSTRAINT "FK_AccountabilityPolicies_Organizations_OrganizationId" FOREIGN KEY ("OrganizationId") REFERENCES "Organizations" ("Id") ON DELETE CASCADE
);

CREATE TABLE "CompliancePlanElements" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_CompliancePlanElements" PRIMARY KEY,
    "OrganizationId" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    CONSTRAINT "FK_CompliancePlanElements_Organizations_OrganizationId" FOREIGN KEY ("OrganizationId") REFERENCES "Organizations" ("Id") ON DELETE CASCADE
);

CREATE TABLE "CompliancePlanVersions" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_CompliancePlanVersions" PRIMARY KEY,
    "OrganizationId" TEXT NOT NULL,
    "Version" INTEGER NOT NULL,
    "AwarenessProgram" TEXT NOT NULL,
    "ReportingProcess" TEXT NOT NULL,
    "RecruitmentAndWagePlan" TEXT NOT NULL,
    "HousingPlan" TEXT NULL,
    "SubcontractorProcedures" TEXT NOT NULL,
    "SavedAt" TEXT NOT NULL,
    "SavedBy" TEXT NOT NULL,
    CONSTRAINT "FK_CompliancePlanVersions_Organizations_OrganizationId" FOREIGN KEY ("OrganizationId") REFERENCES "Organizations" ("Id") ON DELETE CASCADE
);

CREATE TABLE "EnforcementActions" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_EnforcementActions" PRIMARY KEY,
    "OrganizationId" TEXT NOT NULL,
    "TakenOn" TEXT NOT NULL,
    "Against" TEXT NOT NULL,
    "Description" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    CONSTRAINT "FK_EnforcementActions_Organizations_OrganizationId" FOREIGN KEY ("OrganizationId") REFERENCES "Organizations" ("Id") ON DELETE CASCADE
);

CREATE TABLE "FederalContracts" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_FederalContracts" PRIMARY KEY,
    "OrganizationId" TEXT NOT NULL,
    "Number" TEXT NOT NULL,
    "Agency" TEXT NOT NULL,
    "AgencyKey" TEXT NOT NULL,
    "ContractingOfficerEmail" TEXT NOT NULL,
    "Value" TEXT NOT NULL,
    "OutsideUsValue" TEXT NOT NULL,
    "AwardDate" TEXT NOT NULL,
    "CompliancePlanRequired" INTEGER NOT NULL,
    "ThresholdApplied" TEXT NULL,
    "Reason" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    CONSTRAINT "FK_FederalContracts_Organizations_OrganizationId" FOREIGN KEY ("OrganizationId") REFERENCES "Organizations" ("Id") ON DELETE CASCADE
);

CREATE TABLE "TrainingSessions" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_TrainingSessions" PRIMARY KEY,
    "OrganizationId" TEXT NOT NULL,
    "Title" TEXT NOT NULL,
    "HeldOn" TEXT NOT NULL,
    "Audience" TEXT NOT NULL,
    "Trained" INTEGER NOT NULL,
    "InScope" INTEGER NOT NULL,
    "CoversSupplyChainRiskMitigation" INTEGER NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    CONSTRAINT "FK_TrainingSessions_Organizations_OrganizationId" FOREIGN KEY ("OrganizationId") REFERENCES "Organizations" ("Id") ON DELETE CASCADE
);

CREATE TABLE "Attestations" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Attestations" PRIMARY KEY,
    "OrganizationId" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "Status" TEXT NOT NULL,
    "SupplierId" TEXT NULL,
    "ContractId" TEXT NULL,
    "AgencyKey" TEXT NULL,
    "StatementVersion" TEXT NOT NULL,
    "StatementText" TEXT NOT NULL,
    "StatementSha256" TEXT NOT NULL,
    "ContactName" TEXT NULL,
    "ContactEmail" TEXT NULL,
    "TokenHash" TEXT NULL,
    "LinkExpiresAt" TEXT NULL,
    "SignerName" TEXT NULL,
    "SignerTitle" TEXT NULL,
    "SignedOn" TEXT NULL,
    "SignedAt" TEXT NULL,
    "ValidUntil" TEXT NULL,
    "SubmittedAt" TEXT NULL,
    "Submissions" INTEGER NOT NULL,
    "ReviewComments" TEXT NULL,
    "ReviewedBy" TEXT NULL,
    "ReviewedAt" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    "CreatedBy" TEXT NOT NULL,
    CONSTRAINT "FK_Attestations_FederalContracts_ContractId" FOREIGN KEY ("ContractId") REFERENCES "FederalContracts" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Attestations_Organizations_OrganizationId" FOREIGN KEY ("OrganizationId") REFERENCES "Organizations" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_Attestations_Suppliers_SupplierId" FOREIGN KEY ("SupplierId") REFERENCES "Suppliers" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "AttestationReviews" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_AttestationReviews" PRIMARY KEY,
    "OrganizationId" TEXT NOT NULL,
    "AttestationId" TEXT NOT NULL,
    "Submission" INTEGER NOT NULL,
    "Decision" TEXT NOT NULL,
    "Comments" TEXT NULL,
    "ReviewedBy" TEXT NOT NULL,
    "Agency" TEXT NOT NULL,
    "ReviewedAt" TEXT NOT NULL,
    CONSTRAINT "FK_AttestationReviews_Attestations_AttestationId" FOREIGN KEY ("AttestationId") REFERENCES "Attestations" ("Id") ON DELETE CASCADE
);

CREATE TABLE "CredibleInformationDisclosures" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_CredibleInformationDisclosures" PRIMARY KEY,
    "OrganizationId" TEXT NOT NULL,
    "ContractId" TEXT NULL,
    "WhatWasDisclosed" TEXT NOT NULL,
    "ContractingOfficer" TEXT NOT NULL,
    "InspectorGeneral" TEXT NOT NULL,
    "DisclosedOn" TEXT NOT NULL,
    "ActionsTaken" TEXT NULL,
    "GrievanceId" TEXT NULL,
    "FindingId" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    "CreatedBy" TEXT NOT NULL,
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
