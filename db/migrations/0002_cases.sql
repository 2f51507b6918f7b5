CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
CREATE TABLE "case_drafts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"owner_id" uuid NOT NULL,
	"data" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"submitted_case_id" uuid,
	"discarded_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "case_events" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "case_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"case_id" uuid NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_id" uuid,
	"kind" text NOT NULL,
	"data" jsonb
);
--> statement-breakpoint
CREATE TABLE "case_parties" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"role" text NOT NULL,
	"pseudonym" text NOT NULL,
	"perpetrator_kind" text,
	"organisation" text,
	"is_arrested" boolean,
	"relationship" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "case_parties_pseudonym_unique" UNIQUE("pseudonym")
);
--> statement-breakpoint
CREATE TABLE "case_reference_counters" (
	"mission_id" integer NOT NULL,
	"year" integer NOT NULL,
	"last" integer NOT NULL,
	CONSTRAINT "case_reference_counters_mission_id_year_pk" PRIMARY KEY("mission_id","year")
);
--> statement-breakpoint
CREATE TABLE "cases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"reference" text NOT NULL,
	"mission_id" integer NOT NULL,
	"year" integer NOT NULL,
	"seq" integer NOT NULL,
	"category" text NOT NULL,
	"subcategories" text[] DEFAULT '{}'::text[] NOT NULL,
	"case_class" text NOT NULL,
	"status" text DEFAULT 'new' NOT NULL,
	"risk_level" text NOT NULL,
	"intake_channel" text NOT NULL,
	"narrative" text DEFAULT '' NOT NULL,
	"events_place" text,
	"events_date" date,
	"employer_or_agency" text,
	"vessel_name" text,
	"vessel_flag" text,
	"death_penalty" boolean DEFAULT false NOT NULL,
	"assigned_officer_id" uuid,
	"created_by_id" uuid,
	"opened_at" timestamp with time zone DEFAULT now() NOT NULL,
	"first_contact_at" timestamp with time zone,
	"resolved_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"outcome" text,
	"summary" text,
	"last_activity_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "cases_reference_unique" UNIQUE("reference")
);
--> statement-breakpoint
CREATE TABLE "persons" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"full_name" text NOT NULL,
	"aliases" text[] DEFAULT '{}'::text[] NOT NULL,
	"sex" text,
	"date_of_birth" date,
	"dob_basis" text,
	"place_of_birth" text,
	"nationality" text,
	"nik" text,
	"passport_number" text,
	"home_province" text,
	"home_regency" text,
	"phone" text,
	"is_identity_undisclosed" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "trafficking_assessments" (
	"case_id" uuid PRIMARY KEY NOT NULL,
	"acts" text[] DEFAULT '{}'::text[] NOT NULL,
	"means" text[] DEFAULT '{}'::text[] NOT NULL,
	"purposes" text[] DEFAULT '{}'::text[] NOT NULL,
	"recruitment_channel" text,
	"recruiter_relation" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "case_drafts" ADD CONSTRAINT "case_drafts_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_drafts" ADD CONSTRAINT "case_drafts_submitted_case_id_cases_id_fk" FOREIGN KEY ("submitted_case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_events" ADD CONSTRAINT "case_events_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_events" ADD CONSTRAINT "case_events_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_parties" ADD CONSTRAINT "case_parties_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_parties" ADD CONSTRAINT "case_parties_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_reference_counters" ADD CONSTRAINT "case_reference_counters_mission_id_missions_id_fk" FOREIGN KEY ("mission_id") REFERENCES "public"."missions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_mission_id_missions_id_fk" FOREIGN KEY ("mission_id") REFERENCES "public"."missions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_assigned_officer_id_users_id_fk" FOREIGN KEY ("assigned_officer_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trafficking_assessments" ADD CONSTRAINT "trafficking_assessments_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "case_drafts_owner_idx" ON "case_drafts" USING btree ("owner_id","updated_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "case_events_case_idx" ON "case_events" USING btree ("case_id","id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "case_parties_case_idx" ON "case_parties" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "case_parties_person_idx" ON "case_parties" USING btree ("person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "cases_mission_year_seq_idx" ON "cases" USING btree ("mission_id","year","seq");--> statement-breakpoint
CREATE INDEX "cases_mission_opened_idx" ON "cases" USING btree ("mission_id","opened_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "cases_opened_idx" ON "cases" USING btree ("opened_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "cases_open_mission_idx" ON "cases" USING btree ("mission_id","status") WHERE "cases"."status" <> 'closed';--> statement-breakpoint
CREATE INDEX "cases_assigned_idx" ON "cases" USING btree ("assigned_officer_id","opened_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "persons_nik_idx" ON "persons" USING btree ("nik") WHERE "persons"."nik" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "persons_passport_idx" ON "persons" USING btree ("passport_number") WHERE "persons"."passport_number" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "persons_name_trgm_idx" ON "persons" USING gin (lower("full_name") gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "persons_dob_idx" ON "persons" USING btree ("date_of_birth");--> statement-breakpoint
-- The timeline is a record: events are added, never changed or removed.
CREATE FUNCTION case_events_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'case_events is append-only';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER case_events_append_only
  BEFORE UPDATE OR DELETE ON case_events
  FOR EACH ROW EXECUTE FUNCTION case_events_refuse_change();
