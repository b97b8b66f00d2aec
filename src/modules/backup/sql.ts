/** Raw SQL helpers shared by backup and restore (on `rows`, src/db/executor.ts). */
import { sql } from 'drizzle-orm';
import { rows, type Executor } from '../../db/executor.ts';
import { codeMigrations, type MigrationRef } from './format.ts';

/** The migrations applied to this database, in order, named by this code's tags where it knows them. */
export async function appliedMigrations(db: Executor): Promise<MigrationRef[] | null> {
  const [exists] = await rows<{ t: string | null }>(db, sql`select to_regclass('drizzle.__drizzle_migrations')::text as t`);
  if (!exists?.t) return null;
  const found = await rows<{ hash: string }>(db, sql`select hash from drizzle.__drizzle_migrations order by created_at, id`);
  const tags = new Map(codeMigrations().map((m) => [m.hash, m.tag]));
  return found.map((r) => ({ tag: tags.get(r.hash) ?? null, hash: r.hash }));
}

/** Columns an INSERT may name (generated columns are computed by the database). */
export async function insertableColumns(db: Executor, table: string): Promise<string[]> {
  const found = await rows<{ name: string }>(
    db,
    sql`select attname as name from pg_attribute
        where attrelid = to_regclass(${`public.${quote(table)}`}) and attnum > 0 and not attisdropped and attgenerated = ''
        order by attnum`,
  );
  return found.map((r) => r.name);
}

/** Serial and identity sequences owned by the columns of these tables. */
export async function ownedSequences(db: Executor, tables: string[]): Promise<{ table: string; column: string; sequence: string }[]> {
  const found = await rows<{ table: string; column: string; sequence: string }>(
    db,
    sql`select t.relname as "table", a.attname as "column", format('%I.%I', sn.nspname, s.relname) as "sequence"
        from pg_class s
        join pg_namespace sn on sn.oid = s.relnamespace
        join pg_depend d on d.objid = s.oid and d.classid = 'pg_class'::regclass and d.refclassid = 'pg_class'::regclass and d.deptype in ('a', 'i')
        join pg_class t on t.oid = d.refobjid
        join pg_namespace tn on tn.oid = t.relnamespace and tn.nspname = 'public'
        join pg_attribute a on a.attrelid = t.oid and a.attnum = d.refobjsubid
        where s.relkind = 'S'
        order by 1, 2`,
  );
  const wanted = new Set(tables);
  return found.filter((r) => wanted.has(r.table));
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;
