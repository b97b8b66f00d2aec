-- Custom migration (drizzle-kit generate --custom): triggers and functions Drizzle's schema cannot express.
--
-- capacity_pools.taken (confirmed + offered) and .waiting (waitlisted) follow every insert,
-- delete and status change of registrations, in the same transaction, whatever code makes it.
-- Every engine path that changes a status holds the pool row lock already, so the trigger's
-- update of that row adds no new lock order.
CREATE OR REPLACE FUNCTION finhub_pool_counts() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  d_taken integer := 0;
  d_waiting integer := 0;
  pool integer;
BEGIN
  IF TG_OP <> 'INSERT' THEN
    pool := OLD.pool_id;
    IF OLD.status IN ('confirmed', 'offered') THEN d_taken := d_taken - 1;
    ELSIF OLD.status = 'waitlisted' THEN d_waiting := d_waiting - 1; END IF;
  END IF;
  IF TG_OP <> 'DELETE' THEN
    pool := NEW.pool_id;
    IF NEW.status IN ('confirmed', 'offered') THEN d_taken := d_taken + 1;
    ELSIF NEW.status = 'waitlisted' THEN d_waiting := d_waiting + 1; END IF;
  END IF;
  IF d_taken <> 0 OR d_waiting <> 0 THEN
    UPDATE capacity_pools SET taken = taken + d_taken, waiting = waiting + d_waiting WHERE id = pool;
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER registrations_pool_counts AFTER INSERT OR DELETE OR UPDATE OF status ON registrations
  FOR EACH ROW EXECUTE FUNCTION finhub_pool_counts();
--> statement-breakpoint
-- Sets every pool's counts from its rows: for existing data here, and after a restore (whose row
-- copies arrive with counts already in them and then pass through the trigger again).
CREATE OR REPLACE FUNCTION finhub_recount_pools() RETURNS void
LANGUAGE sql AS $$
  UPDATE capacity_pools p SET
    taken = (SELECT count(*) FROM registrations r WHERE r.pool_id = p.id AND r.status IN ('confirmed', 'offered')),
    waiting = (SELECT count(*) FROM registrations r WHERE r.pool_id = p.id AND r.status = 'waitlisted');
$$;
--> statement-breakpoint
SELECT finhub_recount_pools();
--> statement-breakpoint
-- The seat decision (migration 0005) now reads the counts from the pool row it has locked — the
-- newest version, which the previous holder's trigger updated — instead of counting rows, and
-- finds a duplicate phone through the partial unique index.
CREATE OR REPLACE FUNCTION finhub_take_seat(p_pool_id integer, p_phone text, p_now timestamptz, p_hold boolean, p_waitlist boolean)
RETURNS TABLE (outcome text, waitlist_position integer)
LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  p capacity_pools%ROWTYPE;
BEGIN
  SELECT * INTO p FROM capacity_pools WHERE id = p_pool_id FOR UPDATE;
  IF NOT FOUND THEN RETURN QUERY SELECT 'not_found'::text, NULL::integer; RETURN; END IF;
  IF p.cancelled_at IS NOT NULL THEN RETURN QUERY SELECT 'cancelled'::text, NULL::integer; RETURN; END IF;
  IF p_now >= p.starts_at THEN RETURN QUERY SELECT 'started'::text, NULL::integer; RETURN; END IF;
  IF p_now < p.opens_at THEN RETURN QUERY SELECT 'not_open'::text, NULL::integer; RETURN; END IF;
  IF p_now >= p.closes_at THEN RETURN QUERY SELECT 'closed'::text, NULL::integer; RETURN; END IF;
  IF EXISTS (SELECT 1 FROM registrations r WHERE r.pool_id = p_pool_id AND r.phone = p_phone AND r.phone IS NOT NULL
             AND r.status IN ('confirmed', 'waitlisted', 'offered'))
     OR EXISTS (SELECT 1 FROM registrations r WHERE r.pool_id = p_pool_id AND r.status = 'pending' AND r.phone = p_phone) THEN
    RETURN QUERY SELECT 'duplicate'::text, NULL::integer; RETURN;
  END IF;
  IF p_hold THEN RETURN QUERY SELECT 'pending'::text, NULL::integer; RETURN; END IF;
  IF p.taken < p.capacity THEN RETURN QUERY SELECT 'confirmed'::text, NULL::integer; RETURN; END IF;
  IF NOT p.waitlist_enabled THEN RETURN QUERY SELECT 'full_no_waitlist'::text, NULL::integer; RETURN; END IF;
  IF NOT p_waitlist THEN RETURN QUERY SELECT 'full'::text, NULL::integer; RETURN; END IF;
  RETURN QUERY SELECT 'waitlisted'::text, p.waiting + 1;
END
$$;
