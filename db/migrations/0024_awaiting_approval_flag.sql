ALTER TABLE "cases" ADD COLUMN "awaiting_approval" boolean DEFAULT false NOT NULL;--> statement-breakpoint
-- cases.awaiting_approval: a request on the case waits for a decision (an approval 'pending'). The
-- "awaiting approval" queue walks open flagged cases newest first by the index below instead of
-- reading every pending approval and sorting their cases. Kept by triggers whoever writes.
CREATE FUNCTION cases_refresh_awaiting(p_case_ids uuid[]) RETURNS void LANGUAGE sql AS $$
  UPDATE cases c SET awaiting_approval = w.awaiting
  FROM (
    SELECT id, EXISTS (SELECT 1 FROM approvals a WHERE a.case_id = ids.id AND a.status = 'pending') AS awaiting
    FROM unnest(p_case_ids) AS ids(id)
  ) w
  WHERE c.id = w.id AND c.awaiting_approval IS DISTINCT FROM w.awaiting
$$;
--> statement-breakpoint
CREATE FUNCTION approvals_refresh_awaiting() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM cases_refresh_awaiting(ARRAY(SELECT DISTINCT case_id FROM changed));
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER approvals_awaiting_after_insert AFTER INSERT ON approvals
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION approvals_refresh_awaiting();
--> statement-breakpoint
CREATE TRIGGER approvals_awaiting_after_update AFTER UPDATE ON approvals
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION approvals_refresh_awaiting();
--> statement-breakpoint
CREATE TRIGGER approvals_awaiting_after_delete AFTER DELETE ON approvals
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION approvals_refresh_awaiting();
--> statement-breakpoint
UPDATE cases SET awaiting_approval = true WHERE id IN (SELECT case_id FROM approvals WHERE status = 'pending');--> statement-breakpoint
CREATE INDEX "cases_open_overdue_opened_idx" ON "cases" USING btree ("opened_at","id") WHERE "cases"."status" <> 'closed' AND "cases"."overdue_from" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "cases_open_awaiting_idx" ON "cases" USING btree ("opened_at","id") WHERE "cases"."status" <> 'closed' AND "cases"."awaiting_approval";--> statement-breakpoint
CREATE INDEX "detentions_held_party_idx" ON "detentions" USING btree ("party_id") WHERE "detentions"."released_on" IS NULL;
