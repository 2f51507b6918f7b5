-- cases.next_due_on and cases.overdue_from follow the case's open steps, whoever writes them
-- (the app, an import, the demo generator). Statement-level, so a bulk insert of steps
-- updates each case once.
CREATE FUNCTION case_steps_refresh_due() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE cases c
  SET next_due_on = d.next_due, overdue_from = d.overdue_from
  FROM (
    SELECT ids.case_id, min(s.due_date) AS next_due, min(s.due_date + s.grace_days) AS overdue_from
    FROM (SELECT DISTINCT case_id FROM changed) ids
    LEFT JOIN case_steps s ON s.case_id = ids.case_id AND s.status IN ('planned', 'in_progress')
    GROUP BY ids.case_id
  ) d
  WHERE c.id = d.case_id
    AND (c.next_due_on IS DISTINCT FROM d.next_due OR c.overdue_from IS DISTINCT FROM d.overdue_from);
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER case_steps_due_after_insert AFTER INSERT ON case_steps
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION case_steps_refresh_due();
--> statement-breakpoint
CREATE TRIGGER case_steps_due_after_update AFTER UPDATE ON case_steps
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION case_steps_refresh_due();
--> statement-breakpoint
CREATE TRIGGER case_steps_due_after_delete AFTER DELETE ON case_steps
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION case_steps_refresh_due();
--> statement-breakpoint
UPDATE cases c
SET next_due_on = d.next_due, overdue_from = d.overdue_from
FROM (
  SELECT case_id, min(due_date) AS next_due, min(due_date + grace_days) AS overdue_from
  FROM case_steps WHERE status IN ('planned', 'in_progress') GROUP BY case_id
) d
WHERE c.id = d.case_id;
