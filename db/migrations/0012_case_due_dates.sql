ALTER TABLE "cases" ADD COLUMN "next_due_on" date;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "overdue_from" date;--> statement-breakpoint
CREATE INDEX "cases_open_opened_idx" ON "cases" USING btree ("opened_at","id") WHERE "cases"."status" <> 'closed';--> statement-breakpoint
CREATE INDEX "cases_open_activity_idx" ON "cases" USING btree ("last_activity_at","id") WHERE "cases"."status" <> 'closed';--> statement-breakpoint
CREATE INDEX "cases_open_overdue_idx" ON "cases" USING btree ("overdue_from") WHERE "cases"."status" <> 'closed' AND "cases"."overdue_from" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "cases_open_unassigned_idx" ON "cases" USING btree ("opened_at","id") WHERE "cases"."status" <> 'closed' AND "cases"."assigned_officer_id" IS NULL;