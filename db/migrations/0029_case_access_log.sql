-- The case's access log (issue 13): reveals, identity matches and downloads of one case, newest
-- first, paged by id however long its timeline grows.
CREATE INDEX "case_events_access_idx" ON "case_events" USING btree ("case_id","id") WHERE "case_events"."kind" IN ('identity_revealed', 'identity_matched', 'document_downloaded');