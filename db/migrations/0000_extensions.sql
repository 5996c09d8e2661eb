-- Extensions used by search: accent folding and trigram similarity (typo tolerance).
-- Both load on PostgreSQL 15 and on PGlite.
CREATE EXTENSION IF NOT EXISTS unaccent;
--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS pg_trgm;
