/**
 * The SOLAPI adapter against a loopback HTTP server speaking SOLAPI's API v4 (POST
 * /messages/v4/send, HMAC-SHA256 Authorization checked by the server with the shared secret),
 * driven by the outbox worker on PGlite and PostgreSQL; refusals are retried, never lost.
 */
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import { ConfigError, loadConfig } from '../../src/config.ts';
import type { Database } from '../../src/db/client.ts';
import { FileChannel, SmsChannel, SolapiSmsSender, type Channels } from '../../src/modules/notifications/channels/index.ts';
import { outbox } from '../../src/modules/notifications/schema.ts';
import { enqueueNotification } from '../../src/modules/notifications/service.ts';
import { drainOutbox } from '../../src/modules/notifications/worker.ts';
import { DB_KINDS, openTestDatabase } from '../support/db.ts';

const KEY = 'NCSTESTKEY';
/** A little ahead: a row's next_attempt_at is the database server's clock, which may run a few ms ahead of ours. */
const soon = () => new Date(Date.now() + 1000);
const SECRET = 'test-secret-0123456789';

interface Received {
  to: string;
  from: string;
  text: string;
  country?: string;
}

/** A loopback SOLAPI: checks the signature and answers as the API does; `refuse` answers 400 with an error code. */
async function startSolapi() {
  const received: Received[] = [];
  const state = { refuse: false };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const answer = (status: number, body: object) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(body));
      };
      if (req.method !== 'POST' || req.url !== '/messages/v4/send') return answer(404, { errorCode: 'NotFound', errorMessage: 'no such route' });
      const auth = /^HMAC-SHA256 apiKey=([^,]+), date=([^,]+), salt=([^,]+), signature=([0-9a-f]{64})$/.exec(req.headers.authorization ?? '');
      if (!auth) return answer(401, { errorCode: 'InvalidAuthorization', errorMessage: 'malformed' });
      const [, apiKey, date, salt, signature] = auth;
      const expected = createHmac('sha256', SECRET)
        .update(date! + salt!)
        .digest('hex');
      if (apiKey !== KEY || signature !== expected) return answer(401, { errorCode: 'SignatureDoesNotMatch', errorMessage: 'bad signature' });
      if (Math.abs(Date.parse(date!) - Date.now()) > 15 * 60_000) return answer(401, { errorCode: 'RequestTimeTooSkewed', errorMessage: 'date' });
      if (state.refuse) return answer(400, { errorCode: 'ValidationError', errorMessage: 'refused for the test' });
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { message: Received };
      received.push(body.message);
      answer(200, {
        groupId: 'G1',
        messageId: `M${received.length}`,
        to: body.message.to,
        from: body.message.from,
        type: 'LMS',
        statusCode: '2000',
        statusMessage: '정상 접수(이통사로 접수 예정) ',
      });
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url, received, state, close: () => new Promise<void>((r) => server.close(() => r())) };
}

it('FINHUB_SMS_PROVIDER=solapi needs its key, secret and sender', () => {
  assert.throws(() => loadConfig({ FINHUB_SMS_PROVIDER: 'solapi', SOLAPI_API_KEY: KEY }), ConfigError);
  const c = loadConfig({ FINHUB_SMS_PROVIDER: 'solapi', SOLAPI_API_KEY: KEY, SOLAPI_API_SECRET: SECRET, SOLAPI_SENDER: '063-281-2114' });
  assert.equal(c.sms.provider, 'solapi');
  assert.equal(loadConfig({}).sms.provider, 'file');
});

for (const kind of DB_KINDS) {
  describe(`SMS through SOLAPI's HTTP API (loopback) on ${kind}`, () => {
    let database: Database;
    let solapi: Awaited<ReturnType<typeof startSolapi>>;
    let channels: Channels;

    before(async () => {
      database = await openTestDatabase(kind);
      solapi = await startSolapi();
      channels = {
        email: new FileChannel('/nonexistent-not-used'),
        sms: new SmsChannel(new SolapiSmsSender({ apiKey: KEY, apiSecret: SECRET, sender: '063-281-2114', baseUrl: solapi.url, timeoutMs: 5000 })),
      };
    });
    after(async () => {
      await solapi.close();
      await database.close();
    });

    it('sends Korean and international numbers, signed; a refusal is retried, then delivered once', async () => {
      await enqueueNotification(database.db, {
        channel: 'sms',
        recipient: '01012345678',
        subject: '[금융 기초] 신청이 확정되었습니다',
        body: '홍길동님, 확정되었습니다.',
        kind: 'test.sms',
      });
      await enqueueNotification(database.db, {
        channel: 'sms',
        recipient: '+819012345678',
        subject: '[Finance basics] Confirmed',
        body: 'Dear Jane, confirmed.',
        kind: 'test.sms',
      });
      assert.deepEqual(await drainOutbox(database.db, channels, { now: soon }), { sent: 2, retrying: 0, failed: 0 });
      assert.deepEqual(solapi.received, [
        { to: '01012345678', from: '0632812114', text: '[금융 기초] 신청이 확정되었습니다\n홍길동님, 확정되었습니다.' },
        { to: '9012345678', country: '81', from: '0632812114', text: '[Finance basics] Confirmed\nDear Jane, confirmed.' },
      ]);
      solapi.state.refuse = true;
      await enqueueNotification(database.db, { channel: 'sms', recipient: '01099998888', subject: 's', body: 'b', kind: 'test.refused' });
      assert.deepEqual(await drainOutbox(database.db, channels, { now: soon }), { sent: 0, retrying: 1, failed: 0 });
      const [row] = await database.db.select().from(outbox).where(eq(outbox.kind, 'test.refused'));
      assert.equal(row!.status, 'pending');
      assert.match(row!.lastError!, /SOLAPI refused the message: HTTP 400 ValidationError/);
      assert.ok(!row!.lastError!.includes('01099998888'), 'no phone number in the error');
      solapi.state.refuse = false;
      assert.deepEqual(await drainOutbox(database.db, channels, { now: () => new Date(Date.now() + 60_000) }), { sent: 1, retrying: 0, failed: 0 });
      assert.equal(solapi.received.length, 3);
    });

    it('a wrong secret is refused by the server and not taken for sent', async () => {
      const wrong = new SolapiSmsSender({ apiKey: KEY, apiSecret: 'wrong', sender: '0632812114', baseUrl: solapi.url });
      await assert.rejects(wrong.sendSms('01012345678', 'x'), /HTTP 401 SignatureDoesNotMatch/);
    });
  });
}
