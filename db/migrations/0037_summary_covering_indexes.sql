-- The two indexes of the cases alive in a period (closed since it began, not closed) now hold every
-- column the summary's flow reads, so a period's cases are read from them alone (index-only scans,
-- as far as vacuum has marked the table's pages all-visible) instead of by a scan of the table.
DROP INDEX "cases_closed_idx";--> statement-breakpoint
DROP INDEX "cases_unclosed_idx";--> statement-breakpoint
CREATE INDEX "cases_closed_idx" ON "cases" USING btree ("closed_at","opened_at","mission_id","id","first_contact_at","outcome","death_penalty") WHERE "cases"."closed_at" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "cases_unclosed_idx" ON "cases" USING btree ("opened_at","mission_id","id","first_contact_at","outcome","death_penalty") WHERE "cases"."closed_at" IS NULL;