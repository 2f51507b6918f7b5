CREATE TABLE "age_claims" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"party_id" uuid NOT NULL,
	"claimed_dob" date NOT NULL,
	"relevant_on" date NOT NULL,
	"status" text DEFAULT 'claimed' NOT NULL,
	"claimed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"status_changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "age_evidence" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"claim_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"source" text,
	"obtained_on" date,
	"issue_date" date,
	"is_verified" boolean DEFAULT false NOT NULL,
	"document_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "age_claims" ADD CONSTRAINT "age_claims_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "age_claims" ADD CONSTRAINT "age_claims_party_id_case_parties_id_fk" FOREIGN KEY ("party_id") REFERENCES "public"."case_parties"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "age_evidence" ADD CONSTRAINT "age_evidence_claim_id_age_claims_id_fk" FOREIGN KEY ("claim_id") REFERENCES "public"."age_claims"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "age_evidence" ADD CONSTRAINT "age_evidence_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "age_claims_case_idx" ON "age_claims" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "age_claims_open_idx" ON "age_claims" USING btree ("status","claimed_at");--> statement-breakpoint
CREATE INDEX "age_evidence_claim_idx" ON "age_evidence" USING btree ("claim_id");