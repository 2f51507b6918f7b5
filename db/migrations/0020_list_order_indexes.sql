DROP INDEX "case_drafts_owner_idx";--> statement-breakpoint
DROP INDEX "case_events_case_idx";--> statement-breakpoint
DROP INDEX "cases_mission_opened_idx";--> statement-breakpoint
DROP INDEX "cases_opened_idx";--> statement-breakpoint
DROP INDEX "cases_assigned_idx";--> statement-breakpoint
DROP INDEX "documents_case_idx";--> statement-breakpoint
DROP INDEX "export_jobs_owner_idx";--> statement-breakpoint
CREATE INDEX "cases_reference_prefix_idx" ON "cases" USING btree ("reference" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "cases_legacy_ref_search_idx" ON "cases" USING btree ("legacy_ref") WHERE "cases"."legacy_ref" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "case_drafts_owner_idx" ON "case_drafts" USING btree ("owner_id","updated_at");--> statement-breakpoint
CREATE INDEX "case_events_case_idx" ON "case_events" USING btree ("case_id","id");--> statement-breakpoint
CREATE INDEX "cases_mission_opened_idx" ON "cases" USING btree ("mission_id","opened_at","id");--> statement-breakpoint
CREATE INDEX "cases_opened_idx" ON "cases" USING btree ("opened_at","id");--> statement-breakpoint
CREATE INDEX "cases_assigned_idx" ON "cases" USING btree ("assigned_officer_id","opened_at","id");--> statement-breakpoint
CREATE INDEX "documents_case_idx" ON "documents" USING btree ("case_id","uploaded_at");--> statement-breakpoint
CREATE INDEX "export_jobs_owner_idx" ON "export_jobs" USING btree ("owner_id","created_at");