CREATE TABLE "consular_visits" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"detention_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"visited_on" date NOT NULL,
	"officer_id" uuid,
	"findings" text,
	"needs" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "detentions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"party_id" uuid NOT NULL,
	"facility" text NOT NULL,
	"detained_since" date NOT NULL,
	"expected_release" date,
	"released_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "hearings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"proceeding_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"time_zone" text NOT NULL,
	"court" text,
	"purpose" text,
	"outcome" text,
	"created_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "legal_proceedings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"party_id" uuid NOT NULL,
	"jurisdiction" text NOT NULL,
	"role" text NOT NULL,
	"charge" text,
	"court" text,
	"court_time_zone" text NOT NULL,
	"arrested_on" date,
	"lawyer_name" text,
	"lawyer_appointed_on" date,
	"lawyer_paid_by" text,
	"interpreter" text,
	"host_stage" text,
	"home_file_code" text,
	"verdict" text,
	"sentence" text,
	"is_detained" boolean DEFAULT false NOT NULL,
	"is_death_penalty" boolean DEFAULT false NOT NULL,
	"is_final" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "consular_visits" ADD CONSTRAINT "consular_visits_detention_id_detentions_id_fk" FOREIGN KEY ("detention_id") REFERENCES "public"."detentions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consular_visits" ADD CONSTRAINT "consular_visits_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consular_visits" ADD CONSTRAINT "consular_visits_officer_id_users_id_fk" FOREIGN KEY ("officer_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "detentions" ADD CONSTRAINT "detentions_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "detentions" ADD CONSTRAINT "detentions_party_id_case_parties_id_fk" FOREIGN KEY ("party_id") REFERENCES "public"."case_parties"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hearings" ADD CONSTRAINT "hearings_proceeding_id_legal_proceedings_id_fk" FOREIGN KEY ("proceeding_id") REFERENCES "public"."legal_proceedings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hearings" ADD CONSTRAINT "hearings_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hearings" ADD CONSTRAINT "hearings_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "legal_proceedings" ADD CONSTRAINT "legal_proceedings_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "legal_proceedings" ADD CONSTRAINT "legal_proceedings_party_id_case_parties_id_fk" FOREIGN KEY ("party_id") REFERENCES "public"."case_parties"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "consular_visits_detention_idx" ON "consular_visits" USING btree ("detention_id","visited_on");--> statement-breakpoint
CREATE INDEX "detentions_case_idx" ON "detentions" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "hearings_starts_idx" ON "hearings" USING btree ("starts_at");--> statement-breakpoint
CREATE INDEX "hearings_case_idx" ON "hearings" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "legal_proceedings_case_idx" ON "legal_proceedings" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "legal_proceedings_death_idx" ON "legal_proceedings" USING btree ("is_death_penalty");