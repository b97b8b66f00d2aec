/** The plan's GENIE Forum editions are there after the first start and not doubled by a second (startServer, on PGlite and PostgreSQL). */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { loadConfig } from '../../src/config.ts';
import { startServer } from '../../src/server/start.ts';
import { createPostgresDatabase, DB_KINDS } from '../support/db.ts';
import { rows } from '../../src/db/executor.ts';
import type { Json } from '../support/json.ts';

for (const kind of DB_KINDS) {
  describe(`GENIE Forum editions seeded on start, ${kind}`, () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'finhub-events-seed-'));
    let drop: (() => Promise<void>) | undefined;
    after(async () => {
      await drop?.();
      fs.rmSync(dataDir, { recursive: true, force: true });
    });

    it('has editions 3–6 after the first start and the same rows after the second', async () => {
      const env: NodeJS.ProcessEnv = { FINHUB_DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent' };
      if (kind === 'postgres') {
        const pgdb = await createPostgresDatabase();
        drop = pgdb.drop;
        env.DATABASE_URL = pgdb.url;
      }
      const snapshot = async () => {
        const server = await startServer(loadConfig(env));
        try {
          const r = await rows<Json>(
            server.database.db,
            sql`select e.id, e.edition, e.starts_at, e.date_approximate, e.published, a.text from events e left join actions a on a.id = e.plan_action_id where e.kind = 'forum' order by e.edition`,
          );
          return r;
        } finally {
          await server.close();
        }
      };
      const first = await snapshot();
      assert.deepEqual(
        first.map((r) => r.edition),
        [3, 4, 5, 6],
      );
      for (const r of first) {
        assert.equal(r.date_approximate, true);
        assert.equal(r.published, false);
        assert.ok(String(r.text).includes(`제${r.edition}회 지니포럼`), String(r.text));
      }
      const second = await snapshot();
      assert.deepEqual(second, first);
    });
  });
}
