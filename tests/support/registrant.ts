/**
 * The public answer to a registration is the same for everyone (RECEIVED: no id, status or link),
 * so that it cannot tell a stranger whether a phone is registered. What the registrant learns
 * comes in their message: these helpers read it from the outbox (the token from the row's
 * link_token, before the worker sends and nulls it), for tests that go on to use the link.
 */
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import type { Db } from '../../src/db/client.ts';
import { renderBody } from '../../src/modules/notifications/service.ts';
import { normalizePhone } from '../../src/modules/registration/phone.ts';
import { RECEIVED } from '../../src/server/api-schema.ts';
import { rows } from '../../src/db/executor.ts';
import type { Json } from './json.ts';

export interface Registered {
  id: number;
  status: string;
  /** The token of the status link in the registrant's message. */
  token: string;
  statusUrl: string;
  cancelUrl: string;
  /** Place in the waiting list (1 = next), when waitlisted. */
  waitlistPosition: number | null;
}

/** The newest registration in the pool (any pool when omitted) with this phone, as its message tells the registrant. */
export async function registeredAs(db: Db, phone: string, poolId?: number): Promise<Registered> {
  const digits = normalizePhone(phone) ?? phone;
  const result = await rows<Json>(
    db,
    sql`
    select r.id, r.status::text as status, r.pool_id, o.body, o.link_token
    from registrations r
    join outbox o on o.meta->>'registrationId' = r.id::text and o.link_token is not null and o.body like '%/registrations/%'
      and o.kind not in ('registration.offered', 'registration.lookup')
    where r.phone = ${digits} ${poolId === undefined ? sql`` : sql`and r.pool_id = ${poolId}`}
    order by r.id desc, o.id desc limit 1`,
  );
  const row = result[0];
  assert.ok(row, `a registration with ${digits} and its message with the link`);
  const body = renderBody(row.body as string, row.link_token as string);
  const statusUrl = /https?:\/\/\S+\/registrations\/[A-Za-z0-9_-]{43}(?!\?)/.exec(body)?.[0];
  assert.ok(statusUrl, `the status link in ${body}`);
  const position = await rows<Json>(
    db,
    sql`
    select count(*)::int as n from registrations where pool_id = ${row.pool_id} and status = 'waitlisted' and id <= ${row.id}`,
  );
  return {
    id: Number(row.id),
    status: row.status as string,
    token: row.link_token as string,
    statusUrl,
    cancelUrl: `${statusUrl}?cancel=1`,
    waitlistPosition: row.status === 'waitlisted' ? Number(position[0]!.n) : null,
  };
}

interface Answer {
  statusCode: number;
  body: string;
  json(): Json;
}

/**
 * A registration answer, as the registrant sees it: a 201 must be exactly RECEIVED, and json()
 * then gives what their message tells them (registeredAs); any other answer is passed through.
 */
export async function asRegistrant(db: Db, res: Answer, phone: string, poolId?: number): Promise<Answer> {
  if (res.statusCode !== 201) return res;
  assert.deepEqual(res.json(), RECEIVED, 'a registration is answered with RECEIVED only');
  const registered = await registeredAs(db, phone, poolId);
  return { statusCode: res.statusCode, body: res.body, json: () => ({ ...registered }) };
}
