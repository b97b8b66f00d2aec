/**
 * src/db/functions/<name>.sql is the readable copy of a database function the migrations
 * (re)define: after its header comment it must be exactly the CREATE [OR REPLACE] FUNCTION
 * statement of the latest migration (in journal order) that defines the function. Whoever
 * changes the function changes both: the migration stays what the database runs.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';

const ROOT = path.resolve(import.meta.dirname, '../..');
const MIGRATIONS = path.join(ROOT, 'src/db/migrations');
const FUNCTIONS = path.join(ROOT, 'src/db/functions');

/** The statement that defines `name` in `sql`, from CREATE to the semicolon after its closing dollar quote; null when none. */
export function definitionOf(sql: string, name: string): string | null {
  const create = new RegExp(`^CREATE\\s+(?:OR\\s+REPLACE\\s+)?FUNCTION\\s+(?:public\\.)?"?${name}"?\\s*\\(`, 'gim');
  let last: string | null = null;
  for (const m of sql.matchAll(create)) {
    const rest = sql.slice(m.index);
    const open = /\bAS\s+(\$\w*\$)/i.exec(rest);
    assert.ok(open, `${name}: no dollar-quoted body`);
    const close = rest.indexOf(open[1]!, open.index + open[0].length);
    assert.ok(close > 0, `${name}: the body's ${open[1]} is not closed`);
    const semicolon = rest.indexOf(';', close + open[1]!.length);
    last = rest.slice(0, semicolon + 1);
  }
  return last;
}

/** Migration files in the order drizzle applies them (meta/_journal.json). */
function migrationsInOrder(): { tag: string; sql: string }[] {
  const journal = JSON.parse(fs.readFileSync(path.join(MIGRATIONS, 'meta/_journal.json'), 'utf8')) as { entries: { idx: number; tag: string }[] };
  return [...journal.entries].sort((a, b) => a.idx - b.idx).map((e) => ({ tag: e.tag, sql: fs.readFileSync(path.join(MIGRATIONS, `${e.tag}.sql`), 'utf8') }));
}

describe('src/db/functions', () => {
  it('finds the definition and its end, whatever the dollar tag', () => {
    const sql = '-- c\nCREATE OR REPLACE FUNCTION f(a int) RETURNS int LANGUAGE sql AS $body$ select $$;$$ $body$;\n--> statement-breakpoint\nSELECT 1;';
    assert.equal(definitionOf(sql, 'f'), 'CREATE OR REPLACE FUNCTION f(a int) RETURNS int LANGUAGE sql AS $body$ select $$;$$ $body$;');
    assert.equal(definitionOf(sql, 'g'), null);
    assert.equal(
      definitionOf('create function f() returns void language plpgsql as $$ begin end $$;', 'f'),
      'create function f() returns void language plpgsql as $$ begin end $$;',
    );
  });

  it('finhub_take_seat.sql is there', () => {
    assert.ok(fs.existsSync(path.join(FUNCTIONS, 'finhub_take_seat.sql')));
  });

  for (const file of fs.readdirSync(FUNCTIONS).filter((f) => f.endsWith('.sql'))) {
    const name = file.replace(/\.sql$/, '');
    it(`${file} equals the definition in the latest migration that creates or replaces ${name}()`, () => {
      const defining = migrationsInOrder().filter((m) => definitionOf(m.sql, name) !== null);
      assert.ok(defining.length > 0, `no migration defines ${name}()`);
      const latest = defining.at(-1)!;
      const copy = fs.readFileSync(path.join(FUNCTIONS, file), 'utf8');
      const lines = copy.split('\n');
      const header = lines.findIndex((l) => !l.startsWith('--'));
      assert.ok(header > 0, `${file} starts with a header comment`);
      const body = lines.slice(header).join('\n').trim();
      assert.equal(
        body,
        definitionOf(latest.sql, name),
        `${file} differs from ${name}() in migration ${latest.tag} (defined in ${defining.map((m) => m.tag).join(', ')}): copy the migration's statement into it`,
      );
    });
  }
});
