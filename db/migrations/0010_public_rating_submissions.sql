CREATE TABLE "public_rating_submissions" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"address_hash" text NOT NULL,
	"target_key" text NOT NULL,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "public_rating_submissions_hash_format" CHECK ("public_rating_submissions"."address_hash" ~ '^[0-9a-f]{64}$')
);
--> statement-breakpoint
CREATE INDEX "public_rating_submissions_address_idx" ON "public_rating_submissions" USING btree ("address_hash","submitted_at");--> statement-breakpoint
CREATE INDEX "public_rating_submissions_submitted_idx" ON "public_rating_submissions" USING btree ("submitted_at");