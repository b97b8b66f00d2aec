/**
 * A real S3-compatible server for the tests of FINHUB_S3_* (@20minutes/s3rver: S3's REST API over
 * HTTP, objects in a temporary folder), on a free loopback port, started once per test process on
 * first use. Each store gets a key prefix of its own in the one bucket. Signatures are read but a
 * mismatch is let through: s3rver signs bucket-level requests (the listing) without the path's
 * trailing slash that the AWS SDK (and S3) sign with.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import S3rver from '@20minutes/s3rver';
import type { S3Settings } from '../../src/server/file-store-s3.ts';
import { ANY_KIND, DB_KINDS, type DbKind } from './db.ts';

const BUCKET = 'finhub-test';

let server: Promise<string> | undefined;

/** The server's address (http://127.0.0.1:PORT), started on first use and stopped when the process ends. */
function s3Endpoint(): Promise<string> {
  server ??= (async () => {
    const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'finhub-s3-'));
    const s3 = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory, allowMismatchedSignatures: true, configureBuckets: [{ name: BUCKET }] });
    const { port } = await s3.run();
    // The test process ends when its tests do: the server does not hold it open.
    (s3 as unknown as { httpServer: { unref(): void } }).httpServer.unref();
    process.on('exit', () => fs.rmSync(directory, { recursive: true, force: true }));
    return `http://127.0.0.1:${port}`;
  })();
  return server;
}

/** Settings for a store of its own on the test server (s3rver's built-in key pair). */
export async function testS3Settings(): Promise<S3Settings> {
  return {
    endpoint: await s3Endpoint(),
    bucket: BUCKET,
    region: 'us-east-1',
    accessKeyId: 'S3RVER',
    secretAccessKey: 'S3RVER',
    prefix: `test-${process.pid}-${randomBytes(4).toString('hex')}/`,
  };
}

/** Where the file tests run: each database kind's own store, and the object store (beside PostgreSQL, as deployed). */
export const FILE_STORES: readonly { kind: DbKind; s3: boolean; name: string }[] = [
  ...DB_KINDS.map((kind) => ({ kind, s3: false, name: kind })),
  { kind: DB_KINDS.includes('postgres') ? 'postgres' : ANY_KIND, s3: true, name: `${DB_KINDS.includes('postgres') ? 'postgres' : ANY_KIND} with an S3 file store` },
];
