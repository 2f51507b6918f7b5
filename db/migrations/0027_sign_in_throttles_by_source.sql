-- Failed sign-ins counted per address and source: failures from one place no longer keep the
-- account's owner out from another. Rows counted before this have no source ('').
ALTER TABLE "sign_in_throttles" ADD COLUMN "source" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "sign_in_throttles" DROP CONSTRAINT "sign_in_throttles_pkey";--> statement-breakpoint
ALTER TABLE "sign_in_throttles" ADD CONSTRAINT "sign_in_throttles_email_source_pk" PRIMARY KEY("email","source");
