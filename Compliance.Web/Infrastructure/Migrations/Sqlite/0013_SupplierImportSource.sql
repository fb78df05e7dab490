-- Where an imported supplier came from: its import and the row of the file. No foreign key: imports are kept, and a
-- check per row would cost a million-row import a lookup per row.
ALTER TABLE "Suppliers" ADD COLUMN "ImportId" TEXT NULL;
ALTER TABLE "Suppliers" ADD COLUMN "ImportRow" INTEGER NULL;
