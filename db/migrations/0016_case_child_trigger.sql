-- cases.has_child_subject: a subject under 18 on the day the case was opened (in its mission's
-- zone), or claiming to be while the claim is neither rejected nor withdrawn. The one place the
-- rule is written; kept current by triggers whoever writes (the app, imports, the generator).
CREATE FUNCTION case_has_child(p_case_id uuid) RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT EXISTS (
      SELECT 1 FROM cases c
      JOIN missions m ON m.id = c.mission_id
      JOIN case_parties cp ON cp.case_id = c.id AND cp.role = 'subject'
      JOIN persons p ON p.id = cp.person_id
      WHERE c.id = p_case_id
        AND p.date_of_birth > ((c.opened_at AT TIME ZONE m.time_zone)::date - interval '18 years'))
    OR EXISTS (
      SELECT 1 FROM age_claims a
      WHERE a.case_id = p_case_id AND a.status NOT IN ('rejected', 'withdrawn')
        AND a.claimed_dob > a.relevant_on - interval '18 years')
$$;
--> statement-breakpoint
CREATE FUNCTION cases_refresh_child(p_case_ids uuid[]) RETURNS void LANGUAGE sql AS $$
  UPDATE cases c SET has_child_subject = case_has_child(c.id)
  WHERE c.id = ANY (p_case_ids) AND c.has_child_subject IS DISTINCT FROM case_has_child(c.id)
$$;
--> statement-breakpoint
CREATE FUNCTION case_parties_refresh_child() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM cases_refresh_child(ARRAY(SELECT DISTINCT case_id FROM changed));
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER case_parties_child_after_insert AFTER INSERT ON case_parties
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION case_parties_refresh_child();
--> statement-breakpoint
CREATE TRIGGER case_parties_child_after_update AFTER UPDATE ON case_parties
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION case_parties_refresh_child();
--> statement-breakpoint
CREATE TRIGGER case_parties_child_after_delete AFTER DELETE ON case_parties
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION case_parties_refresh_child();
--> statement-breakpoint
CREATE TRIGGER age_claims_child_after_insert AFTER INSERT ON age_claims
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION case_parties_refresh_child();
--> statement-breakpoint
CREATE TRIGGER age_claims_child_after_update AFTER UPDATE ON age_claims
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION case_parties_refresh_child();
--> statement-breakpoint
CREATE FUNCTION persons_refresh_child() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM cases_refresh_child(ARRAY(SELECT DISTINCT cp.case_id FROM case_parties cp JOIN changed ON changed.id = cp.person_id));
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER persons_child_after_update AFTER UPDATE ON persons
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION persons_refresh_child();
--> statement-breakpoint
-- A case moved to another mission (its zone) or re-dated: read the rule again for that row.
CREATE FUNCTION cases_child_before_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.opened_at IS DISTINCT FROM OLD.opened_at OR NEW.mission_id IS DISTINCT FROM OLD.mission_id THEN
    NEW.has_child_subject := EXISTS (
        SELECT 1 FROM missions m
        JOIN case_parties cp ON cp.case_id = NEW.id AND cp.role = 'subject'
        JOIN persons p ON p.id = cp.person_id
        WHERE m.id = NEW.mission_id
          AND p.date_of_birth > ((NEW.opened_at AT TIME ZONE m.time_zone)::date - interval '18 years'))
      OR EXISTS (
        SELECT 1 FROM age_claims a
        WHERE a.case_id = NEW.id AND a.status NOT IN ('rejected', 'withdrawn')
          AND a.claimed_dob > a.relevant_on - interval '18 years');
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER cases_child_before_update BEFORE UPDATE OF opened_at, mission_id ON cases
  FOR EACH ROW EXECUTE FUNCTION cases_child_before_update();
--> statement-breakpoint
UPDATE cases SET has_child_subject = true WHERE case_has_child(id);
