-- The access log also holds the file names shown on request on a case with an undisclosed identity.
DROP INDEX "case_events_access_idx";--> statement-breakpoint
CREATE INDEX "case_events_access_idx" ON "case_events" USING btree ("case_id","id") WHERE "case_events"."kind" IN ('identity_revealed', 'identity_matched', 'document_downloaded', 'file_names_revealed');