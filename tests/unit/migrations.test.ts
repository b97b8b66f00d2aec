/** Migrations are generated from the schema and never drift: generating again must find nothing. */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { it } from 'node:test';

it('src/db/migrations matches src/db/schema.ts (drizzle-kit generate finds no change)', () => {
  // drizzle-kit wants an output folder relative to the project.
  fs.mkdirSync('.tmp', { recursive: true });
  const out = path.relative('.', fs.mkdtempSync(path.join('.tmp', 'migrations-')));
  fs.cpSync('src/db/migrations', out, { recursive: true });
  const before = fs.readdirSync(out).sort();
  const log = execFileSync('npx', ['drizzle-kit', 'generate', '--dialect', 'postgresql', '--schema', './src/db/schema.ts', '--out', out], {
    encoding: 'utf8',
  });
  assert.deepEqual(fs.readdirSync(out).sort(), before, `drizzle-kit generated a new migration — run \`npm run db:generate\`:\n${log}`);
  assert.match(log, /No schema changes/);
  fs.rmSync(out, { recursive: true });
});
