/** The settings for several servers (REDIS_URL, the S3 file store): accepted as documented, a bad value refused at start with a clear message. */
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
