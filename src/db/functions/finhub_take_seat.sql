-- finhub_take_seat(): the registration engine's seat decision, as the database runs it now.
--
-- A READABLE COPY, NOT RUN BY ANYTHING. The database gets the function from the migrations:
-- 0005_take_seat_function (first version), 0008_pool_counts_trigger (reads the pool's counts)
-- and 0011_take_seat_duplicate_last (this body: the phone is looked up only when a seat or a
-- place would be taken, so the answer never tells whether a phone is registered). To change the
-- function, add a custom migration (`drizzle-kit generate --custom`) with CREATE OR REPLACE and
-- copy its statement here unchanged: tests/unit/seat-function.test.ts fails until this file
-- equals the definition in the latest migration that creates or replaces the function.
--
-- What it does: locks the pool row (SELECT … FOR UPDATE), then, with fresh snapshots after the
-- lock (VOLATILE), refuses by window (not_found, cancelled, started, not_open, closed) or says
-- what a new registration would take (pending, confirmed, waitlisted with its place, or
-- full / full_no_waitlist); a live or pending registration of the same phone makes it
-- 'duplicate'. It writes nothing. The one statement that calls it (seatStatement in
-- src/modules/registration/seat.ts) inserts the registration, its outbox message and its audit
-- row in SQL, in the same statement by design, so that the pool lock is never held across a
-- round trip to Node; those two inserts are written by helpers of their own modules
-- (outboxInsertSql in notifications/service.ts, auditInsertSql in audit/service.ts), the same
-- columns enqueueNotification and recordAudit fill.
CREATE OR REPLACE FUNCTION finhub_take_seat(p_pool_id integer, p_phone text, p_now timestamptz, p_hold boolean, p_waitlist boolean)
RETURNS TABLE (outcome text, waitlist_position integer)
LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  p capacity_pools%ROWTYPE;
  v_outcome text;
  v_position integer;
BEGIN
  SELECT * INTO p FROM capacity_pools WHERE id = p_pool_id FOR UPDATE;
  IF NOT FOUND THEN RETURN QUERY SELECT 'not_found'::text, NULL::integer; RETURN; END IF;
  IF p.cancelled_at IS NOT NULL THEN RETURN QUERY SELECT 'cancelled'::text, NULL::integer; RETURN; END IF;
  IF p_now >= p.starts_at THEN RETURN QUERY SELECT 'started'::text, NULL::integer; RETURN; END IF;
  IF p_now < p.opens_at THEN RETURN QUERY SELECT 'not_open'::text, NULL::integer; RETURN; END IF;
  IF p_now >= p.closes_at THEN RETURN QUERY SELECT 'closed'::text, NULL::integer; RETURN; END IF;
  IF p_hold THEN v_outcome := 'pending';
  ELSIF p.taken < p.capacity THEN v_outcome := 'confirmed';
  ELSIF NOT p.waitlist_enabled THEN RETURN QUERY SELECT 'full_no_waitlist'::text, NULL::integer; RETURN;
  ELSIF NOT p_waitlist THEN RETURN QUERY SELECT 'full'::text, NULL::integer; RETURN;
  ELSE v_outcome := 'waitlisted'; v_position := p.waiting + 1;
  END IF;
  IF EXISTS (SELECT 1 FROM registrations r WHERE r.pool_id = p_pool_id AND r.phone = p_phone AND r.phone IS NOT NULL
             AND r.status IN ('confirmed', 'waitlisted', 'offered'))
     OR EXISTS (SELECT 1 FROM registrations r WHERE r.pool_id = p_pool_id AND r.status = 'pending' AND r.phone = p_phone) THEN
    RETURN QUERY SELECT 'duplicate'::text, NULL::integer; RETURN;
  END IF;
  RETURN QUERY SELECT v_outcome, v_position;
END
$$;
