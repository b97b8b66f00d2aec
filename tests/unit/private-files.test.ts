/** Files with personal data are private to the service user: folders 0700, files 0600. */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { lockDataDir } from '../../src/db/lock.ts';
import { FileSmsSender } from '../../src/modules/notifications/channels/file.ts';
import { createFileStore } from '../../src/server/file-store.ts';

const mode = (p: string) => fs.statSync(p).mode & 0o777;

describe('private files', () => {
  it('a new data directory, its outbox and its file store are 0700; their files 0600', async () => {
    const parent = fs.mkdtempSync(path.join(os.tmpdir(), 'finhub-private-'));
    const prevUmask = process.umask(0o002); // a permissive umask must not loosen them
    try {
      const dataDir = path.join(parent, 'data');
      const release = lockDataDir(dataDir, 'test');
      assert.equal(mode(dataDir), 0o700);
      assert.equal(mode(path.join(dataDir, 'finhub.lock')), 0o600);
      release();
      await new FileSmsSender(dataDir).sendSms('01012345678', 'hello', { id: 1, kind: 'test' });
      assert.equal(mode(path.join(dataDir, 'outbox')), 0o700);
      assert.equal(mode(path.join(dataDir, 'outbox', '1-test.txt')), 0o600);
      const store = createFileStore(path.join(dataDir, 'files'));
      const { sha256 } = await store.put(new TextEncoder().encode('evidence'));
      assert.equal(mode(path.join(dataDir, 'files')), 0o700);
      assert.equal(mode(path.dirname(store.pathOf(sha256))), 0o700);
      assert.equal(mode(store.pathOf(sha256)), 0o600);
    } finally {
      process.umask(prevUmask);
      fs.rmSync(parent, { recursive: true, force: true });
    }
  });

  it('an existing world-readable data directory is tightened when it is opened', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'finhub-private-'));
    try {
      fs.chmodSync(dir, 0o755);
      lockDataDir(dir, 'test')();
      assert.equal(mode(dir), 0o700);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
