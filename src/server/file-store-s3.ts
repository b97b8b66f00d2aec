/**
 * The file store in an S3-compatible object store (FINHUB_S3_BUCKET and the other FINHUB_S3_*
 * settings): every server reads every file, without the files' bytes in PostgreSQL. Objects are
 * named `<prefix><ab>/<sha256>` (the folder's layout), written once: a file already there is not
 * written again. An object store has no transactions, so `on` is ignored: a file put in a request
 * that then rolls back stays as an unreferenced object (the same content put again reuses it).
 */
import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import type { Config } from '../config.ts';
import type { FileStore } from './file-store.ts';

export type S3Settings = NonNullable<Config['s3']>;

const SHA256 = /^[0-9a-f]{64}$/;

const missing = (e: unknown) => e instanceof S3ServiceException && (e.$metadata.httpStatusCode === 404 || e.name === 'NoSuchKey' || e.name === 'NotFound');

export function createS3FileStore(settings: S3Settings, sha256Of: (bytes: Uint8Array) => string): FileStore {
  const client = new S3Client({
    region: settings.region,
    ...(settings.endpoint ? { endpoint: settings.endpoint, forcePathStyle: true } : {}),
    ...(settings.accessKeyId && settings.secretAccessKey ? { credentials: { accessKeyId: settings.accessKeyId, secretAccessKey: settings.secretAccessKey } } : {}),
    // Checksums only where S3 requires them: other S3-compatible servers may not know the newer headers.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
  const Bucket = settings.bucket;
  const keyOf = (sha256: string) => {
    if (!SHA256.test(sha256)) throw new Error(`not a SHA-256: ${sha256}`);
    return `${settings.prefix}${sha256.slice(0, 2)}/${sha256}`;
  };
  const exists = async (sha256: string) => {
    try {
      await client.send(new HeadObjectCommand({ Bucket, Key: keyOf(sha256) }));
      return true;
    } catch (e) {
      if (missing(e)) return false;
      throw e;
    }
  };
  return {
    kind: 's3',
    exists,
    async put(bytes) {
      const sha256 = sha256Of(bytes);
      if (!(await exists(sha256))) {
        await client.send(new PutObjectCommand({ Bucket, Key: keyOf(sha256), Body: bytes, ContentLength: bytes.byteLength, ContentType: 'application/octet-stream' }));
      }
      return { sha256, sizeBytes: bytes.byteLength };
    },
    async read(sha256) {
      try {
        const res = await client.send(new GetObjectCommand({ Bucket, Key: keyOf(sha256) }));
        return Buffer.from(await res.Body!.transformToByteArray());
      } catch (e) {
        if (missing(e)) return null;
        throw e;
      }
    },
    async remove(sha256) {
      await client.send(new DeleteObjectCommand({ Bucket, Key: keyOf(sha256) }));
    },
    async list() {
      const names: string[] = [];
      let ContinuationToken: string | undefined;
      do {
        const page = await client.send(new ListObjectsV2Command({ Bucket, Prefix: settings.prefix, ContinuationToken }));
        for (const o of page.Contents ?? []) {
          const name = o.Key?.slice(settings.prefix.length) ?? '';
          const sha256 = name.slice(3);
          if (SHA256.test(sha256) && name === `${sha256.slice(0, 2)}/${sha256}`) names.push(sha256);
        }
        ContinuationToken = page.IsTruncated ? page.NextContinuationToken : undefined;
      } while (ContinuationToken);
      return names.sort();
    },
    async check(timeoutMs) {
      // HeadBucket: one cheap request (the key's s3:ListBucket); aborted when it takes too long,
      // so a hung store fails the check at once instead of after the balancer gives up.
      await client.send(new HeadBucketCommand({ Bucket }), { abortSignal: AbortSignal.timeout(timeoutMs) });
    },
    close() {
      client.destroy();
    },
  };
}
