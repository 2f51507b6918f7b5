-- The auditor's filters (issue 13): rows by the case they concern, by the person whose identity
-- they record being seen (pseudonym), by action, by time.
CREATE INDEX "audit_events_case_idx" ON "audit_events" USING btree ((CASE WHEN "entity_type" = 'case' THEN "entity_id" ELSE "details" ->> 'caseId' END),"id");--> statement-breakpoint
CREATE INDEX "audit_events_pseudonym_idx" ON "audit_events" USING btree (("details" ->> 'pseudonym'),"id") WHERE "audit_events"."details" ? 'pseudonym';--> statement-breakpoint
CREATE INDEX "audit_events_action_idx" ON "audit_events" USING btree ("action","id");--> statement-breakpoint
CREATE INDEX "audit_events_at_idx" ON "audit_events" USING btree ("at");