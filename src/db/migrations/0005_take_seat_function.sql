-- Custom migration (drizzle-kit generate --custom): a function Drizzle's schema cannot express.
--
-- The registration engine's seat decision (src/modules/registration/seat.ts) in one round trip:
-- lock the pool row, then refuse by window, duplicate phone or capacity, or say which status the
-- new registration gets. The function is VOLATILE, so each statement in it takes a fresh snapshot
-- after the lock is granted and sees every registration committed by the previous holder; the
-- caller inserts the registration in the same statement, so the lock is held only for server-side
-- work, never across a round trip to the application (docs/performance.md).
-- Outcomes: confirmed | waitlisted | pending (take these), or not_found | cancelled | started |
-- not_open | closed | duplicate | full | full_no_waitlist (refusals). waitlist_position is the
-- new registration's place in line when the outcome is waitlisted.
CREATE OR REPLACE FUNCTION finhub_take_seat(p_pool_id integer, p_phone text, p_now timestamptz, p_hold boolean, p_waitlist boolean)
RETURNS TABLE (outcome text, waitlist_position integer)
LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  p capacity_pools%ROWTYPE;
  live integer;
  waiting integer;
BEGIN
  SELECT * INTO p FROM capacity_pools WHERE id = p_pool_id FOR UPDATE;
  IF NOT FOUND THEN RETURN QUERY SELECT 'not_found'::text, NULL::integer; RETURN; END IF;
  IF p.cancelled_at IS NOT NULL THEN RETURN QUERY SELECT 'cancelled'::text, NULL::integer; RETURN; END IF;
  IF p_now >= p.starts_at THEN RETURN QUERY SELECT 'started'::text, NULL::integer; RETURN; END IF;
  IF p_now < p.opens_at THEN RETURN QUERY SELECT 'not_open'::text, NULL::integer; RETURN; END IF;
  IF p_now >= p.closes_at THEN RETURN QUERY SELECT 'closed'::text, NULL::integer; RETURN; END IF;
  IF EXISTS (SELECT 1 FROM registrations r WHERE r.pool_id = p_pool_id AND r.phone = p_phone
             AND r.status IN ('confirmed', 'waitlisted', 'offered', 'pending')) THEN
    RETURN QUERY SELECT 'duplicate'::text, NULL::integer; RETURN;
  END IF;
  IF p_hold THEN RETURN QUERY SELECT 'pending'::text, NULL::integer; RETURN; END IF;
  SELECT count(*) FILTER (WHERE r.status IN ('confirmed', 'offered')), count(*) FILTER (WHERE r.status = 'waitlisted')
    INTO live, waiting
    FROM registrations r WHERE r.pool_id = p_pool_id AND r.status IN ('confirmed', 'offered', 'waitlisted');
  IF live < p.capacity THEN RETURN QUERY SELECT 'confirmed'::text, NULL::integer; RETURN; END IF;
  IF NOT p.waitlist_enabled THEN RETURN QUERY SELECT 'full_no_waitlist'::text, NULL::integer; RETURN; END IF;
  IF NOT p_waitlist THEN RETURN QUERY SELECT 'full'::text, NULL::integer; RETURN; END IF;
  RETURN QUERY SELECT 'waitlisted'::text, waiting + 1;
END
$$;
