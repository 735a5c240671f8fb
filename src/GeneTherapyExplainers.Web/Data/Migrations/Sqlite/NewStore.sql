CREATE TABLE IF NOT EXISTS "__EFMigrationsHistory" (
    "MigrationId" TEXT NOT NULL CONSTRAINT "PK___EFMigrationsHistory" PRIMARY KEY,
    "ProductVersion" TEXT NOT NULL
);

BEGIN TRANSACTION;
CREATE TABLE "AspNetRoles" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_AspNetRoles" PRIMARY KEY,
    "Name" TEXT NULL,
    "NormalizedName" TEXT NULL,
    "ConcurrencyStamp" TEXT NULL
);

CREATE TABLE "AuditEntries" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_AuditEntries" PRIMARY KEY AUTOINCREMENT,
    "At" TEXT NOT NULL,
    "Actor" TEXT NOT NULL,
    "EntityType" TEXT NOT NULL,
    "EntityKey" TEXT NOT NULL,
    "Action" TEXT NOT NULL,
    "Details" TEXT NULL
);

CREATE TABLE "ExplainerSchedules" (
    "ExplainerSlug" TEXT NOT NULL CONSTRAINT "PK_ExplainerSchedules" PRIMARY KEY,
    "CadenceMonths" INTEGER NOT NULL,
    "FirstSeenOn" TEXT NULL,
    "SourcePage" TEXT NULL
);

CREATE TABLE "People" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_People" PRIMARY KEY AUTOINCREMENT,
    "Key" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "Honorific" TEXT NULL,
    "RoleTitles" TEXT NOT NULL,
    "Credentials" TEXT NULL,
    "Affiliations" TEXT NOT NULL,
    "Bio" TEXT NULL,
    "SourcePage" TEXT NULL,
    "Version" TEXT NOT NULL
);

CREATE TABLE "RelatedItems" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_RelatedItems" PRIMARY KEY AUTOINCREMENT,
    "Key" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "Title" TEXT NOT NULL,
    "Series" TEXT NULL,
    "Source" TEXT NULL,
    "Summary" TEXT NULL,
    "Url" TEXT NULL,
    "SourcePage" TEXT NULL,
    "Version" TEXT NOT NULL
);

CREATE TABLE "AspNetRoleClaims" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_AspNetRoleClaims" PRIMARY KEY AUTOINCREMENT,
    "RoleId" TEXT NOT NULL,
    "ClaimType" TEXT NULL,
    "ClaimValue" TEXT NULL,
    CONSTRAINT "FK_AspNetRoleClaims_AspNetRoles_RoleId" FOREIGN KEY ("RoleId") REFERENCES "AspNetRoles" ("Id") ON DELETE CASCADE
);

CREATE TABLE "AspNetUsers" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_AspNetUsers" PRIMARY KEY,
    "PersonId" INTEGER NULL,
    "UserName" TEXT NULL,
    "NormalizedUserName" TEXT NULL,
    "Email" TEXT NULL,
    "NormalizedEmail" TEXT NULL,
    "EmailConfirmed" INTEGER NOT NULL,
    "PasswordHash" TEXT NULL,
    "SecurityStamp" TEXT NULL,
    "ConcurrencyStamp" TEXT NULL,
    "PhoneNumber" TEXT NULL,
    "PhoneNumberConfirmed" INTEGER NOT NULL,
    "TwoFactorEnabled" INTEGER NOT NULL,
    "LockoutEnd" TEXT NULL,
    "LockoutEnabled" INTEGER NOT NULL,
    "AccessFailedCount" INTEGER NOT NULL,
    CONSTRAINT "FK_AspNetUsers_People_PersonId" FOREIGN KEY ("PersonId") REFERENCES "People" ("Id") ON DELETE SET NULL
);

CREATE TABLE "ExplainerContributors" (
    "ExplainerSlug" TEXT NOT NULL,
    "Role" TEXT NOT NULL,
    "PersonId" INTEGER NOT NULL,
    CONSTRAINT "PK_ExplainerContributors" PRIMARY KEY ("ExplainerSlug", "Role"),
    CONSTRAINT "FK_ExplainerContributors_People_PersonId" FOREIGN KEY ("PersonId") REFERENCES "People" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "ReviewRecords" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ReviewRecords" PRIMARY KEY AUTOINCREMENT,
    "ExplainerSlug" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "ReviewedOn" TEXT NOT NULL,
    "ReviewerId" INTEGER NULL,
    "Notes" TEXT NULL,
    "SourcesChecked" TEXT NULL,
    "RecordedAt" TEXT NOT NULL,
    "RecordedBy" TEXT NOT NULL,
    "CorrectsId" INTEGER NULL,
    "SourcePage" TEXT NULL,
    CONSTRAINT "FK_ReviewRecords_People_ReviewerId" FOREIGN KEY ("ReviewerId") REFERENCES "People" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_ReviewRecords_ReviewRecords_CorrectsId" FOREIGN KEY ("CorrectsId") REFERENCES "ReviewRecords" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "ExplainerRelated" (
    "ExplainerSlug" TEXT NOT NULL,
    "RelatedItemId" INTEGER NOT NULL,
    "Position" INTEGER NOT NULL,
    "DetachedAt" TEXT NULL,
    CONSTRAINT "PK_ExplainerRelated" PRIMARY KEY ("ExplainerSlug", "RelatedItemId"),
    CONSTRAINT "FK_ExplainerRelated_RelatedItems_RelatedItemId" FOREIGN KEY ("RelatedItemId") REFERENCES "RelatedItems" ("Id") ON DELETE CASCADE
);

CREATE TABLE "RelatedItemPeople" (
    "RelatedItemId" INTEGER NOT NULL,
    "PersonId" INTEGER NOT NULL,
    "Role" TEXT NOT NULL,
    CONSTRAINT "PK_RelatedItemPeople" PRIMARY KEY ("RelatedItemId", "PersonId", "Role"),
    CONSTRAINT "FK_RelatedItemPeople_People_PersonId" FOREIGN KEY ("PersonId") REFERENCES "People" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_RelatedItemPeople_RelatedItems_RelatedItemId" FOREIGN KEY ("RelatedItemId") REFERENCES "RelatedItems" ("Id") ON DELETE CASCADE
);

CREATE TABLE "AspNetUserClaims" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_AspNetUserClaims" PRIMARY KEY AUTOINCREMENT,
    "UserId" TEXT NOT NULL,
    "ClaimType" TEXT NULL,
    "ClaimValue" TEXT NULL,
    CONSTRAINT "FK_AspNetUserClaims_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE TABLE "AspNetUserLogins" (
    "LoginProvider" TEXT NOT NULL,
    "ProviderKey" TEXT NOT NULL,
    "ProviderDisplayName" TEXT NULL,
    "UserId" TEXT NOT NULL,
    CONSTRAINT "PK_AspNetUserLogins" PRIMARY KEY ("LoginProvider", "ProviderKey"),
    CONSTRAINT "FK_AspNetUserLogins_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE TABLE "AspNetUserRoles" (
    "UserId" TEXT NOT NULL,
    "RoleId" TEXT NOT NULL,
    CONSTRAINT "PK_AspNetUserRoles" PRIMARY KEY ("UserId", "RoleId"),
    CONSTRAINT "FK_AspNetUserRoles_AspNetRoles_RoleId" FOREIGN KEY ("RoleId") REFERENCES "AspNetRoles" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_AspNetUserRoles_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE TABLE "AspNetUserTokens" (
    "UserId" TEXT NOT NULL,
    "LoginProvider" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "Value" TEXT NULL,
    CONSTRAINT "PK_AspNetUserTokens" PRIMARY KEY ("UserId", "LoginProvider", "Name"),
    CONSTRAINT "FK_AspNetUserTokens_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_AspNetRoleClaims_RoleId" ON "AspNetRoleClaims" ("RoleId");

CREATE UNIQUE INDEX "RoleNameIndex" ON "AspNetRoles" ("NormalizedName");

CREATE INDEX "IX_AspNetUserClaims_UserId" ON "AspNetUserClaims" ("UserId");

CREATE INDEX "IX_AspNetUserLogins_UserId" ON "AspNetUserLogins" ("UserId");

CREATE INDEX "IX_AspNetUserRoles_RoleId" ON "AspNetUserRoles" ("RoleId");

CREATE INDEX "EmailIndex" ON "AspNetUsers" ("NormalizedEmail");

CREATE INDEX "IX_AspNetUsers_PersonId" ON "AspNetUsers" ("PersonId");

CREATE UNIQUE INDEX "UserNameIndex" ON "AspNetUsers" ("NormalizedUserName");

CREATE INDEX "IX_ExplainerContributors_PersonId" ON "ExplainerContributors" ("PersonId");

CREATE INDEX "IX_ExplainerRelated_RelatedItemId" ON "ExplainerRelated" ("RelatedItemId");

CREATE UNIQUE INDEX "IX_People_Key" ON "People" ("Key");

CREATE INDEX "IX_RelatedItemPeople_PersonId" ON "RelatedItemPeople" ("PersonId");

CREATE UNIQUE INDEX "IX_RelatedItems_Key" ON "RelatedItems" ("Key");

CREATE INDEX "IX_ReviewRecords_CorrectsId" ON "ReviewRecords" ("CorrectsId");

CREATE INDEX "IX_ReviewRecords_ExplainerSlug" ON "ReviewRecords" ("ExplainerSlug");

CREATE INDEX "IX_ReviewRecords_ReviewerId" ON "ReviewRecords" ("ReviewerId");

CREATE TRIGGER ReviewRecords_NoUpdate BEFORE UPDATE ON ReviewRecords BEGIN SELECT RAISE(ABORT, 'Review records are append-only'); END;

CREATE TRIGGER ReviewRecords_NoDelete BEFORE DELETE ON ReviewRecords BEGIN SELECT RAISE(ABORT, 'Review records are append-only'); END;

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261130050527_InitialSchema', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
CREATE TABLE "DataProtectionKeys" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_DataProtectionKeys" PRIMARY KEY AUTOINCREMENT,
    "FriendlyName" TEXT NULL,
    "Xml" TEXT NULL
);

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261130051405_DataProtectionKeys', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
ALTER TABLE "ReviewRecords" ADD "SubmissionId" TEXT NULL;

CREATE UNIQUE INDEX "IX_ReviewRecords_SubmissionId" ON "ReviewRecords" ("SubmissionId");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261130054905_ReviewSubmissionIds', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
ALTER TABLE "AspNetUsers" ADD "DigestOff" INTEGER NOT NULL DEFAULT 0;

CREATE TABLE "DigestDeliveries" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_DigestDeliveries" PRIMARY KEY AUTOINCREMENT,
    "UserId" TEXT NOT NULL,
    "PeriodStart" TEXT NOT NULL,
    "ClaimedAt" TEXT NOT NULL,
    "SentAt" TEXT NULL,
    "Channel" TEXT NULL,
    CONSTRAINT "FK_DigestDeliveries_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE TABLE "ReaderFeedback" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ReaderFeedback" PRIMARY KEY AUTOINCREMENT,
    "Page" TEXT NOT NULL,
    "PageKey" TEXT NOT NULL,
    "Helpful" INTEGER NULL,
    "IsReport" INTEGER NOT NULL,
    "Comment" TEXT NULL,
    "ReceivedAt" TEXT NOT NULL,
    "HandledAt" TEXT NULL,
    "HandledBy" TEXT NULL,
    "HandledNote" TEXT NULL,
    "HandledReviewId" INTEGER NULL,
    CONSTRAINT "FK_ReaderFeedback_ReviewRecords_HandledReviewId" FOREIGN KEY ("HandledReviewId") REFERENCES "ReviewRecords" ("Id") ON DELETE RESTRICT
);

CREATE UNIQUE INDEX "IX_DigestDeliveries_UserId_PeriodStart" ON "DigestDeliveries" ("UserId", "PeriodStart");

CREATE INDEX "IX_ReaderFeedback_HandledAt" ON "ReaderFeedback" ("HandledAt");

CREATE INDEX "IX_ReaderFeedback_HandledReviewId" ON "ReaderFeedback" ("HandledReviewId");

CREATE INDEX "IX_ReaderFeedback_Page_PageKey_ReceivedAt" ON "ReaderFeedback" ("Page", "PageKey", "ReceivedAt");

CREATE INDEX "IX_ReaderFeedback_ReceivedAt" ON "ReaderFeedback" ("ReceivedAt");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261130063556_ReaderFeedbackAndDigests', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
ALTER TABLE "ReviewRecords" ADD "ContentFingerprint" TEXT NULL;

CREATE TABLE "ContentVersions" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ContentVersions" PRIMARY KEY AUTOINCREMENT,
    "ExplainerSlug" TEXT NOT NULL,
    "Number" INTEGER NOT NULL,
    "Fingerprint" TEXT NOT NULL,
    "ChangedAt" TEXT NOT NULL,
    "ChangeNote" TEXT NULL,
    "RecordedAt" TEXT NOT NULL
);

CREATE TABLE "ReviewedTexts" (
    "Fingerprint" TEXT NOT NULL CONSTRAINT "PK_ReviewedTexts" PRIMARY KEY,
    "Text" TEXT NOT NULL,
    "KeptAt" TEXT NOT NULL
);

CREATE UNIQUE INDEX "IX_ContentVersions_ExplainerSlug_Number" ON "ContentVersions" ("ExplainerSlug", "Number");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261130065127_ReviewsTiedToText', '10.0.15');

COMMIT;

