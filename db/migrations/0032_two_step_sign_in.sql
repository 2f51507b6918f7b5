-- Optional two-step sign-in (TOTP) for any user; required for supervisors and admins where PAYUNG_REQUIRE_2FA=1.
ALTER TABLE "users" ADD COLUMN "totp_secret" text;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "totp_pending_secret" text;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "totp_last_step" integer;