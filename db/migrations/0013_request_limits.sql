CREATE TABLE "request_limits" (
	"key" text PRIMARY KEY NOT NULL,
	"window_ms" integer NOT NULL,
	"window_started_at" timestamp with time zone NOT NULL,
	"count" integer NOT NULL
);
