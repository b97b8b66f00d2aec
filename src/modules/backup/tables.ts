/**
 * The tables a backup carries, straight from the Drizzle schema (src/db/schema.ts): each with its
 * primary key (the order rows are read in) and in an order where every table comes after the
 * tables its foreign keys point to, so rows can be inserted table by table. Nothing is listed by
 * hand: a new table in a schema.ts is backed up without touching this module.
 */
import { is } from 'drizzle-orm';
import { getTableConfig, PgTable } from 'drizzle-orm/pg-core';
import * as schema from '../../db/schema.ts';
import { NOT_BACKED_UP } from '../../server/shared-state-schema.ts';

export interface BackupTable {
  name: string;
  /** Primary-key columns, in key order. */
  key: string[];
  /** True when a foreign key points to the table itself (a tree such as phase_items.parent_id). */
  selfReferencing: boolean;
}

export function backupTables(): BackupTable[] {
  const byName = new Map<string, { table: BackupTable; deps: Set<string> }>();
  for (const value of Object.values(schema)) {
    if (!is(value, PgTable)) continue;
    const config = getTableConfig(value);
    if (NOT_BACKED_UP.has(config.name)) continue; // stored files travel as file lines; counters are transient
    if (config.schema && config.schema !== 'public') throw new Error(`backup: table ${config.schema}.${config.name} is outside the public schema`);
    const key = config.primaryKeys[0]?.columns.map((c) => c.name) ?? config.columns.filter((c) => c.primary).map((c) => c.name);
    if (key.length === 0) throw new Error(`backup: table ${config.name} has no primary key to read it in order`);
    const deps = new Set<string>();
    let selfReferencing = false;
    for (const fk of config.foreignKeys) {
      const target = getTableConfig(fk.reference().foreignTable).name;
      if (target === config.name) selfReferencing = true;
      else deps.add(target);
    }
    byName.set(config.name, { table: { name: config.name, key, selfReferencing }, deps });
  }
  // Kahn's algorithm, ties broken by name so the order is stable.
  const order: BackupTable[] = [];
  const done = new Set<string>();
  while (done.size < byName.size) {
    const ready = [...byName.values()]
      .filter((t) => !done.has(t.table.name) && [...t.deps].every((d) => done.has(d) || !byName.has(d)))
      .sort((a, b) => a.table.name.localeCompare(b.table.name));
    if (ready.length === 0) {
      const left = [...byName.keys()].filter((n) => !done.has(n));
      throw new Error(`backup: the foreign keys between ${left.join(', ')} form a cycle; no insertion order exists`);
    }
    for (const t of ready) {
      order.push(t.table);
      done.add(t.table.name);
    }
  }
  return order;
}
