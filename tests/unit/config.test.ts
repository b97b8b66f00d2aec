/** The settings for several servers (REDIS_URL, the FINHUB_S3_* file store): accepted as documented, a bad value refused at start with a clear message. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ConfigError, loadConfig } from '../../src/config.ts';

const refused = (env: NodeJS.ProcessEnv, message: RegExp) =>
  assert.throws(
    () => loadConfig(env),
    (e: unknown) => e instanceof ConfigError && message.test(e.message) && /설정 오류 \/ Invalid configuration/.test(e.message),
  );

describe('configuration: Redis', () => {
  it('counts in the database without REDIS_URL; with it, in Redis under the prefix', () => {
    assert.equal(loadConfig({}).redisUrl, undefined);
    assert.equal(loadConfig({ REDIS_URL: '' }).redisUrl, undefined);
    const c = loadConfig({ REDIS_URL: 'redis://:secret@10.0.0.5:6379/2', FINHUB_REDIS_PREFIX: 'city-a:' });
    assert.equal(c.redisUrl, 'redis://:secret@10.0.0.5:6379/2');
    assert.equal(c.redisPrefix, 'city-a:');
    assert.equal(loadConfig({ REDIS_URL: 'rediss://cache.example:6380' }).redisPrefix, 'finhub:');
  });

  it('refuses a REDIS_URL that is not a redis:// address, and a prefix with spaces or wildcards', () => {
    refused({ REDIS_URL: 'localhost:6379' }, /REDIS_URL: must start with redis:\/\/ or rediss:\/\//);
    refused({ REDIS_URL: 'http://127.0.0.1:6379' }, /REDIS_URL/);
    refused({ REDIS_URL: 'redis://' }, /REDIS_URL/);
    refused({ REDIS_URL: 'redis://[bad' }, /REDIS_URL: is not a valid URL/);
    refused({ FINHUB_REDIS_PREFIX: 'a b*' }, /FINHUB_REDIS_PREFIX/);
  });
});

describe('configuration: S3-compatible file store', () => {
  it('keeps the files in the database (or the folder) without a bucket; with one, in the object store', () => {
    assert.equal(loadConfig({}).s3, undefined);
    assert.deepEqual(
      loadConfig({
        FINHUB_S3_BUCKET: 'finhub-files',
        FINHUB_S3_ENDPOINT: 'https://kr.object.ncloudstorage.com',
        FINHUB_S3_REGION: 'kr-standard',
        FINHUB_S3_ACCESS_KEY: 'AK',
        FINHUB_S3_SECRET_KEY: 'SK',
      }).s3,
      { bucket: 'finhub-files', endpoint: 'https://kr.object.ncloudstorage.com', region: 'kr-standard', accessKeyId: 'AK', secretAccessKey: 'SK', prefix: 'files/' },
    );
    const aws = loadConfig({ FINHUB_S3_BUCKET: 'finhub-files', FINHUB_S3_PREFIX: 'city/files/' }).s3!;
    assert.deepEqual([aws.endpoint, aws.region, aws.accessKeyId, aws.prefix], [undefined, 'us-east-1', '', 'city/files/']);
  });

  it('refuses settings without a bucket, a bad bucket or endpoint, and a key without its secret', () => {
    refused({ FINHUB_S3_ENDPOINT: 'https://s3.example.go.kr' }, /FINHUB_S3_BUCKET: needed with FINHUB_S3_ENDPOINT/);
    refused({ FINHUB_S3_BUCKET: 'Finhub_Files' }, /FINHUB_S3_BUCKET: a bucket name/);
    refused({ FINHUB_S3_BUCKET: 'finhub', FINHUB_S3_ENDPOINT: 's3.example.go.kr' }, /FINHUB_S3_ENDPOINT: must be an http:\/\/ or https:\/\/ address/);
    refused({ FINHUB_S3_BUCKET: 'finhub', FINHUB_S3_ENDPOINT: 'ftp://s3.example.go.kr' }, /FINHUB_S3_ENDPOINT/);
    refused({ FINHUB_S3_BUCKET: 'finhub', FINHUB_S3_ACCESS_KEY: 'AK' }, /FINHUB_S3_ACCESS_KEY and FINHUB_S3_SECRET_KEY go together/);
    refused({ FINHUB_S3_BUCKET: 'finhub', FINHUB_S3_PREFIX: '/abs' }, /FINHUB_S3_PREFIX/);
  });
});
