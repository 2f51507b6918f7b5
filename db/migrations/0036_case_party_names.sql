-- cases.first_subject_label: the first of the subjects as every case list shows it (name, or pseudonym
-- where undisclosed), so a list row is read from the case alone instead of a lookup of its parties
-- per row (ten buffers a row, and on the embedded database most of a list's planning time).
-- cases.party_names: the lower-cased names of a case's parties of any role whose identity is
-- disclosed, one a line. A search by a name shared by thousands of people walks the cases newest
-- first and tests each; it read the case's parties and their people for every case walked (ten
-- buffers a case at a million cases), and now reads the case row it already holds. Kept by the
-- triggers of migration 0035, whose one function now refreshes both; a person is now followed
-- into every case they are a party of, not only those where they are a subject.
ALTER TABLE "cases" ADD COLUMN "first_subject_label" text;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "party_names" text;--> statement-breakpoint
CREATE OR REPLACE FUNCTION cases_refresh_subjects(p_case_ids uuid[]) RETURNS void LANGUAGE sql AS $$
  UPDATE cases c SET subjects_label = s.label, first_subject_label = s.first, subject_count = s.n, party_names = s.names
  FROM (
    SELECT ids.id, agg.label, agg.first, agg.n, agg.names
    FROM unnest(p_case_ids) AS ids(id)
    CROSS JOIN LATERAL (
      SELECT string_agg(CASE WHEN p.is_identity_undisclosed THEN cp.pseudonym ELSE p.full_name END, '; ' ORDER BY length(cp.pseudonym), cp.pseudonym) FILTER (WHERE cp.role = 'subject') AS label,
        (array_agg(CASE WHEN p.is_identity_undisclosed THEN cp.pseudonym ELSE p.full_name END ORDER BY length(cp.pseudonym), cp.pseudonym) FILTER (WHERE cp.role = 'subject'))[1] AS first,
        (count(*) FILTER (WHERE cp.role = 'subject'))::int AS n,
        string_agg(lower(p.full_name), E'\n' ORDER BY length(cp.pseudonym), cp.pseudonym) FILTER (WHERE NOT p.is_identity_undisclosed) AS names
      FROM case_parties cp JOIN persons p ON p.id = cp.person_id
      WHERE cp.case_id = ids.id) agg
  ) s
  WHERE c.id = s.id AND (c.subjects_label, c.first_subject_label, c.subject_count, c.party_names) IS DISTINCT FROM (s.label, s.first, s.n, s.names)
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION persons_refresh_subjects() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM cases_refresh_subjects(ARRAY(
    SELECT DISTINCT cp.case_id FROM changed n JOIN previous o ON o.id = n.id JOIN case_parties cp ON cp.person_id = n.id
    WHERE (n.full_name, n.is_identity_undisclosed) IS DISTINCT FROM (o.full_name, o.is_identity_undisclosed)));
  RETURN NULL;
END;
$$;
--> statement-breakpoint
SELECT cases_refresh_subjects(ARRAY(SELECT DISTINCT case_id FROM case_parties));
