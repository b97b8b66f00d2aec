-- Custom migration (drizzle-kit generate --custom): the seat decision (migrations 0005/0008) no
-- longer tells a stranger whether a phone is registered. The answer depends only on the pool and
-- the request: the window refusals, then what a new registration would take (pending, confirmed,
-- full, full_no_waitlist or waitlisted). Only when that would take something is the phone looked
-- up; a live or pending registration with it makes the outcome 'duplicate', which inserts nothing
-- and is answered exactly like a new registration (its owner is told by SMS: registration/service.ts).
-- A request refused as full is refused the same way whoever sends it.
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
