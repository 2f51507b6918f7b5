-- cases.subjects_label and cases.subject_count: the subjects as exports list them (name, or the
-- pseudonym where the identity is undisclosed, in pseudonym order, joined by "; ") and how many.
-- The one place the rule is written; kept current by triggers whoever writes (the app, imports,
-- the generator), so that an export reads the cases alone instead of looking up each case's
-- subjects (a million-case export: 17 s of lookups in 21).
ALTER TABLE "cases" ADD COLUMN "subjects_label" text;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "subject_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE FUNCTION cases_refresh_subjects(p_case_ids uuid[]) RETURNS void LANGUAGE sql AS $$
  UPDATE cases c SET subjects_label = s.label, subject_count = s.n
  FROM (
    SELECT ids.id, agg.label, agg.n
    FROM unnest(p_case_ids) AS ids(id)
    CROSS JOIN LATERAL (
      SELECT string_agg(CASE WHEN p.is_identity_undisclosed THEN cp.pseudonym ELSE p.full_name END, '; ' ORDER BY length(cp.pseudonym), cp.pseudonym) AS label,
        count(*)::int AS n
      FROM case_parties cp JOIN persons p ON p.id = cp.person_id
      WHERE cp.case_id = ids.id AND cp.role = 'subject') agg
  ) s
  WHERE c.id = s.id AND (c.subjects_label, c.subject_count) IS DISTINCT FROM (s.label, s.n)
$$;
--> statement-breakpoint
CREATE FUNCTION case_parties_refresh_subjects() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM cases_refresh_subjects(ARRAY(SELECT DISTINCT case_id FROM changed));
  RETURN NULL;
END;
$$;
--> statement-breakpoint
-- An update may move a party between cases or roles: both its old and its new case are read again.
CREATE FUNCTION case_parties_refresh_subjects_moved() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM cases_refresh_subjects(ARRAY(SELECT case_id FROM changed UNION SELECT case_id FROM previous));
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER case_parties_subjects_after_insert AFTER INSERT ON case_parties
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION case_parties_refresh_subjects();
--> statement-breakpoint
CREATE TRIGGER case_parties_subjects_after_update AFTER UPDATE ON case_parties
  REFERENCING OLD TABLE AS previous NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION case_parties_refresh_subjects_moved();
--> statement-breakpoint
CREATE TRIGGER case_parties_subjects_after_delete AFTER DELETE ON case_parties
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION case_parties_refresh_subjects();
--> statement-breakpoint
-- A person renamed or their identity closed or opened: the cases where they are a subject.
CREATE FUNCTION persons_refresh_subjects() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM cases_refresh_subjects(ARRAY(
    SELECT DISTINCT cp.case_id FROM changed n JOIN previous o ON o.id = n.id JOIN case_parties cp ON cp.person_id = n.id AND cp.role = 'subject'
    WHERE (n.full_name, n.is_identity_undisclosed) IS DISTINCT FROM (o.full_name, o.is_identity_undisclosed)));
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER persons_subjects_after_update AFTER UPDATE ON persons
  REFERENCING OLD TABLE AS previous NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION persons_refresh_subjects();
--> statement-breakpoint
SELECT cases_refresh_subjects(ARRAY(SELECT DISTINCT case_id FROM case_parties WHERE role = 'subject'));
