/**
 * English for the plan's own texts (title, pledge, phases and their items, goals, actions, effects),
 * entered by staff beside the Korean imported from the document. Missing English stays null and the
 * public page shows the Korean, marked as such. One save writes many texts in one transaction, audited.
 */
import { and, eq, inArray } from 'drizzle-orm';
import { inTransaction, type Executor } from '../../db/executor.ts';
import { fieldError, invalidFields } from '../../server/errors.ts';
import { recordAudit, type Actor } from '../audit/service.ts';
import type { EnglishKind, EnglishSheet, EnglishText } from './english-schema.ts';
import { actions, goals, phaseItems, phases, plans } from './schema.ts';
import { loadPlan } from './service.ts';

const flatItems = <T extends { id: number; text: string; textEn: string | null; children: T[] }>(items: T[]): T[] => items.flatMap((i) => [i, ...flatItems(i.children)]);

/** Every text of the plan with its English, in the order the plan page shows them. */
export async function englishSheet(db: Executor, planId: number): Promise<EnglishSheet> {
  const { plan } = await loadPlan(db, planId);
  const entryIds = plan.schedule.map((e) => e.id);
  const goalRows = entryIds.length
    ? await db.select({ id: goals.id, entryId: goals.entryId, text: goals.text, textEn: goals.textEn }).from(goals).where(inArray(goals.entryId, entryIds)).orderBy(goals.position)
    : [];
  const item = (kind: EnglishKind, key: string, ko: string, en: string | null) => ({ key, kind, ko, en });
  const items = [
    item('title', 'title', plan.title, plan.titleEn),
    item('pledge', 'pledge', plan.pledge, plan.pledgeEn),
    ...plan.phases.flatMap((p) => [item('phase', `phase:${p.id}`, p.name, p.nameEn), ...flatItems(p.items).map((i) => item('phaseItem', `phaseItem:${i.id}`, i.text, i.textEn))]),
    ...plan.schedule.flatMap((e) => [
      ...goalRows.filter((g) => g.entryId === e.id).map((g) => item('goal', `goal:${g.id}`, g.text, g.textEn)),
      ...e.actions.map((a) => item('action', `action:${a.id}`, a.text, a.textEn)),
    ]),
    ...plan.effects.map((text, i) => item('effect', `effect:${i}`, text, plan.effectsEn[i] ?? null)),
  ];
  return { items, missing: items.filter((i) => !i.en).length };
}

/** Writes the given English texts (empty or null removes one); a key not of this plan is refused, naming it. */
export async function saveEnglish(db: Executor, actor: Actor, planId: number, texts: EnglishText[]): Promise<void> {
  await inTransaction(db, async (tx) => {
    const before = await englishSheet(tx, planId);
    const known = new Map(before.items.map((i) => [i.key, i]));
    const unknown = texts.map((t, i) => ({ t, i })).filter(({ t }) => !known.has(t.key));
    if (unknown.length) {
      throw invalidFields(unknown.map(({ t, i }) => fieldError(`texts.${i}.key`, `이 실천계획에 없는 항목입니다: ${t.key}`, `Not a text of this plan: ${t.key}`)));
    }
    const changed = texts.map((t) => ({ ...t, en: t.en || null })).filter((t) => known.get(t.key)!.en !== t.en);
    if (!changed.length) return;

    const [row] = await tx.select({ effects: plans.effects, effectsEn: plans.effectsEn }).from(plans).where(eq(plans.id, planId)).for('update');
    const header: { titleEn?: string | null; pledgeEn?: string | null; effectsEn?: string[] } = {};
    const effectsEn = row!.effects.map((_, i) => row!.effectsEn[i] ?? '');
    for (const t of changed) {
      const [kind, n] = t.key.split(':') as [EnglishKind, string | undefined];
      const id = Number(n);
      if (kind === 'title') header.titleEn = t.en;
      else if (kind === 'pledge') header.pledgeEn = t.en;
      else if (kind === 'effect') effectsEn[id] = t.en ?? '';
      else if (kind === 'phase')
        await tx
          .update(phases)
          .set({ nameEn: t.en })
          .where(and(eq(phases.id, id), eq(phases.planId, planId)));
      else if (kind === 'phaseItem') await tx.update(phaseItems).set({ textEn: t.en }).where(eq(phaseItems.id, id));
      else if (kind === 'goal') await tx.update(goals).set({ textEn: t.en }).where(eq(goals.id, id));
      else await tx.update(actions).set({ textEn: t.en }).where(eq(actions.id, id));
    }
    if (changed.some((t) => t.key.startsWith('effect:'))) header.effectsEn = effectsEn;
    // The plan's own updatedAt moves too: the public page's 기준일 and caches follow it.
    await tx
      .update(plans)
      .set({ ...header, updatedAt: new Date() })
      .where(eq(plans.id, planId));
    await recordAudit(tx, actor, {
      action: 'plan.english.update',
      entity: 'plan',
      entityId: planId,
      before: Object.fromEntries(changed.map((t) => [t.key, known.get(t.key)!.en])),
      after: Object.fromEntries(changed.map((t) => [t.key, t.en])),
    });
  });
}
