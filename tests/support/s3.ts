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
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import S3rver from '@20minutes/s3rver';
import type { S3Settings } from '../../src/server/file-store-s3.ts';
import { ANY_KIND, DB_KINDS, type DbKind } from './db.ts';

const BUCKET = 'finhub-test';

export interface S3Server {
  /** http://127.0.0.1:PORT */
  endpoint: string;
  /** Stops listening (the objects' folder is removed when the process ends). */
  stop(): Promise<void>;
}

/** An s3rver of its own with the test bucket, for a test that stops it (the shared one stays up). */
export async function startS3Server(): Promise<S3Server> {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'finhub-s3-'));
  const s3 = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory, allowMismatchedSignatures: true, configureBuckets: [{ name: BUCKET }] });
  const { port } = await s3.run();
  // The test process ends when its tests do: the server does not hold it open.
  const { httpServer } = s3 as unknown as { httpServer: { unref(): void; listening: boolean; closeAllConnections(): void } };
  httpServer.unref();
  process.on('exit', () => fs.rmSync(directory, { recursive: true, force: true }));
  return {
    endpoint: `http://127.0.0.1:${port}`,
    stop: async () => {
      if (!httpServer.listening) return;
      const closed = s3.close();
      // Keep-alive connections from the AWS SDK would hold close() open.
      httpServer.closeAllConnections();
      await closed;
    },
  };
}

let server: Promise<S3Server> | undefined;

/** The shared server's address, started on first use and stopped when the process ends. */
async function s3Endpoint(): Promise<string> {
  server ??= startS3Server();
  return (await server).endpoint;
}

/** Settings for a store on the given server, in the test bucket or `bucket` (s3rver's built-in key pair). */
export const s3SettingsOn = (endpoint: string, prefix: string, bucket = BUCKET): S3Settings => ({
  endpoint,
  bucket,
  region: 'us-east-1',
  accessKeyId: 'S3RVER',
  secretAccessKey: 'S3RVER',
  prefix,
});

/** Settings for a store of its own on the test server (s3rver's built-in key pair). */
export async function testS3Settings(): Promise<S3Settings> {
  return s3SettingsOn(await s3Endpoint(), `test-${process.pid}-${randomBytes(4).toString('hex')}/`);
}

/** A new, empty bucket on the test server, and settings for it (with the default `files/` prefix, as deployed). */
export async function freshS3Bucket(): Promise<S3Settings> {
  const settings = s3SettingsOn(await s3Endpoint(), 'files/', `finhub-fresh-${process.pid}-${randomBytes(4).toString('hex')}`);
  const client = new S3Client({
    region: settings.region,
    endpoint: settings.endpoint,
    forcePathStyle: true,
    credentials: { accessKeyId: settings.accessKeyId, secretAccessKey: settings.secretAccessKey },
  });
  try {
    await client.send(new CreateBucketCommand({ Bucket: settings.bucket }));
  } finally {
    client.destroy();
  }
  return settings;
}

/** The FINHUB_S3_* environment for a `finhub` command or server process with these settings. */
export const s3Env = (s: S3Settings): Record<string, string> => ({
  FINHUB_S3_BUCKET: s.bucket,
  ...(s.endpoint ? { FINHUB_S3_ENDPOINT: s.endpoint } : {}),
  FINHUB_S3_REGION: s.region,
  FINHUB_S3_ACCESS_KEY: s.accessKeyId,
  FINHUB_S3_SECRET_KEY: s.secretAccessKey,
  FINHUB_S3_PREFIX: s.prefix,
});

/** Where the file tests run: each database kind's own store, and the object store (beside PostgreSQL, as deployed). */
export const FILE_STORES: readonly { kind: DbKind; s3: boolean; name: string }[] = [
  ...DB_KINDS.map((kind) => ({ kind, s3: false, name: kind })),
  { kind: DB_KINDS.includes('postgres') ? 'postgres' : ANY_KIND, s3: true, name: `${DB_KINDS.includes('postgres') ? 'postgres' : ANY_KIND} with an S3 file store` },
];
