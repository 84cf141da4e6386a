CREATE TABLE "installation_secrets" (
	"name" text PRIMARY KEY NOT NULL,
	"value" text NOT NULL
);
--> statement-breakpoint
INSERT INTO "installation_secrets" ("name", "value") VALUES ('demand-number', replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', ''));
