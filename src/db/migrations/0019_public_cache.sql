-- Custom migration (drizzle-kit generate --custom): the change feed the public read cache listens to
-- (src/server/public-cache.ts, docs/performance.md#public-read-cache).
--
-- Every statement that writes a watched table sends NOTIFY finhub_changes '<table>' from inside its
-- own transaction, whatever code (a request, a job, a CLI command, psql) makes it: PostgreSQL
-- delivers it to every listening server when, and only if, the transaction commits.
-- Not watched: the tables of sign-in, audit and outbox bookkeeping, which no public answer reads and
-- which change on nearly every request; the cache refuses to keep an answer that read a table
-- without this trigger, so a new table is never a source of stale answers, only of misses.
CREATE OR REPLACE FUNCTION finhub_notify_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('finhub_changes', TG_TABLE_NAME);
  RETURN NULL;
END
$$;
--> statement-breakpoint
-- Attaches the trigger to one table (later migrations call it for their new tables).
CREATE OR REPLACE FUNCTION finhub_watch_changes(t regclass) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE format('CREATE OR REPLACE TRIGGER finhub_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON %s '
                 'FOR EACH STATEMENT EXECUTE FUNCTION finhub_notify_change()', t);
END
$$;
--> statement-breakpoint
SELECT finhub_watch_changes(format('%I', tablename)::regclass)
  FROM pg_tables
 WHERE schemaname = current_schema()
   AND tablename NOT IN ('sessions', 'login_throttle', 'audit_log', 'outbox');
