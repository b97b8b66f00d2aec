/**
 * Measures: figures that other modules provide (academy sessions held, schools visited, forum
 * held …) and that can drive an action's progress instead of staff typing it.
 *
 * A module registers its measures once at start-up (module scope); a manager binds one to an
 * action with a numeric target (PATCH /api/actions/:id/assignment {measureKey}). The action's
 * progress is then min(100, floor(measured / target.count × 100)), measured over the action's
 * schedule period in Asia/Seoul ([from, to)). This module registers no measure itself.
 */
import type { Executor } from '../../db/executor.ts';
import type { Bilingual } from '../../server/errors.ts';
import { measuredProgress } from './figures.ts';
import { periodRange } from './seoul-time.ts';
import type { Period } from './types.ts';

export interface MeasureContext {
  planId: number;
  actionId: number;
  /** Start of the action's schedule period (inclusive), Asia/Seoul. */
  from: Date;
  /** End of the action's schedule period (exclusive), Asia/Seoul. */
  to: Date;
}

export interface Measure {
  /** Stable key stored on actions: lower case, digits, '.', '_' or '-' (e.g. "education.academy_sessions"). */
  key: string;
  label: Bilingual;
  /** The unit of the measured figure, as the targets write it (회, 개교, 명 …). */
  unit: string;
  /** Reads the figure; it receives the caller's transaction when there is one. */
  measure: (db: Executor, ctx: MeasureContext) => Promise<number>;
}

const KEY = /^[a-z][a-z0-9_.-]{0,63}$/;
const registry = new Map<string, Measure>();

/** Registers a measure; returns a function that removes it again (for tests). */
export function registerMeasure(m: Measure): () => void {
  if (!KEY.test(m.key)) throw new Error(`Measure key ${JSON.stringify(m.key)} must match ${KEY}`);
  if (registry.has(m.key)) throw new Error(`Measure ${m.key} is already registered`);
  registry.set(m.key, m);
  return () => {
    if (registry.get(m.key) === m) registry.delete(m.key);
  };
}

export function getMeasure(key: string): Measure | undefined {
  return registry.get(key);
}

export function listMeasures(): Pick<Measure, 'key' | 'label' | 'unit'>[] {
  return [...registry.values()].sort((a, b) => a.key.localeCompare(b.key)).map(({ key, label, unit }) => ({ key, label, unit }));
}

export interface ProgressInput {
  planId: number;
  actionId: number;
  year: number;
  period: Period;
  measureKey: string | null;
  targetCount: number | null;
  /** The progress staff entered (the column). */
  progress: number;
}

export interface ResolvedProgress {
  progress: number;
  /** The measured figure, or null when the action is not bound (or its measure is gone). */
  measured: number | null;
  progressSource: 'manual' | 'measure';
}

/**
 * The progress to show and count for each action: measured when the action is bound to a
 * registered measure and has a numeric target, else what staff entered. A binding whose
 * measure is no longer registered, or whose measure fails, falls back to the entered value
 * (with measured null) rather than failing the whole page.
 */
export async function resolveProgress(db: Executor, items: readonly ProgressInput[]): Promise<Map<number, ResolvedProgress>> {
  const out = new Map<number, ResolvedProgress>();
  for (const a of items) {
    const m = a.measureKey === null ? undefined : registry.get(a.measureKey);
    let measured: number | null = null;
    if (m && a.targetCount !== null) {
      const { from, to } = periodRange(a.year, a.period);
      try {
        const value = await m.measure(db, { planId: a.planId, actionId: a.actionId, from, to });
        measured = Number.isFinite(value) ? value : null;
      } catch (e) {
        process.emitWarning(`measure ${m.key} failed for action ${a.actionId}: ${(e as Error).message}`, 'FinhubMeasureWarning');
        measured = null;
      }
    }
    out.set(
      a.actionId,
      measured === null
        ? { progress: a.progress, measured: null, progressSource: 'manual' }
        : { progress: measuredProgress(measured, a.targetCount!), measured, progressSource: 'measure' },
    );
  }
  return out;
}
