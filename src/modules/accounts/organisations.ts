/**
 * Partner organisations (협력기관): listed for every staff member, added and changed by managers,
 * and the three the plan names (전북특별자치도, 국민연금공단, 지역 정치권) seeded on every start
 * when missing. Every write audited in its transaction.
 */
import { asc, eq, inArray } from 'drizzle-orm';
import { inTransaction, type Executor } from '../../db/executor.ts';
import { isUniqueViolation } from '../../server/db-errors.ts';
import { AppError, fieldError, notFound } from '../../server/errors.ts';
import { recordAudit, SYSTEM_ACTOR, type Actor } from '../audit/service.ts';
import { organisationView } from './presenters.ts';
import { organisations, type OrganisationContact, type ORGANISATION_KINDS } from './schema.ts';

type Kind = (typeof ORGANISATION_KINDS)[number];

export interface OrganisationInput {
  kind: Kind;
  name: { ko: string; en?: string | undefined };
  contacts?: OrganisationContact[] | undefined;
}

/** The organisations the plan's cooperation line names ("전북도·국민연금공단·지역 정치권과 공조 체계 구축"). */
const PLAN_ORGANISATIONS: (OrganisationInput & { seedKey: string })[] = [
  { seedKey: 'jeonbuk-province', kind: 'province', name: { ko: '전북특별자치도', en: 'Jeonbuk State' } },
  { seedKey: 'nps', kind: 'public_institution', name: { ko: '국민연금공단', en: 'National Pension Service' } },
  { seedKey: 'local-politics', kind: 'political_office', name: { ko: '지역 정치권', en: 'Local National Assembly offices' } },
];

export async function requireOrganisation(db: Executor, id: number, field = 'organisationId') {
  const [o] = await db.select().from(organisations).where(eq(organisations.id, id));
  if (!o) throw new AppError('VALIDATION_FAILED', { ko: '없는 기관입니다.', en: 'No such organisation.' }, [fieldError(field, '없는 기관입니다.', 'No such organisation.')]);
  return o;
}

/** Checks that every id names an organisation (400 naming `field` otherwise). */
export async function requireOrganisations(db: Executor, ids: readonly number[], field: string): Promise<void> {
  if (ids.length === 0) return;
  const found = await db
    .select({ id: organisations.id })
    .from(organisations)
    .where(inArray(organisations.id, [...ids]));
  if (found.length !== new Set(ids).size) {
    throw new AppError('VALIDATION_FAILED', { ko: '없는 기관이 있습니다.', en: 'An organisation does not exist.' }, [
      fieldError(field, '없는 기관이 있습니다.', 'No such organisation.'),
    ]);
  }
}

export async function listOrganisations(db: Executor) {
  const rows = await db.select().from(organisations).orderBy(asc(organisations.id));
  return rows.map(organisationView);
}

const nameTaken = (name: string) =>
  new AppError('ORGANISATION_EXISTS', { ko: `이미 있는 기관입니다: ${name}`, en: `The organisation exists: ${name}` }, [
    fieldError('name.ko', '이미 있는 기관입니다.', 'Already exists.'),
  ]);

export async function createOrganisation(db: Executor, actor: Actor, input: OrganisationInput) {
  return inTransaction(db, async (tx) => {
    const [existing] = await tx.select({ id: organisations.id }).from(organisations).where(eq(organisations.nameKo, input.name.ko));
    if (existing) throw nameTaken(input.name.ko);
    const [row] = await tx
      .insert(organisations)
      .values({ kind: input.kind, nameKo: input.name.ko, nameEn: input.name.en ?? null, contacts: input.contacts ?? [] })
      .returning();
    const view = organisationView(row!);
    await recordAudit(tx, actor, { action: 'organisation.create', entity: 'organisation', entityId: row!.id, after: view });
    return view;
  });
}

export async function updateOrganisation(db: Executor, actor: Actor, id: number, patch: Partial<OrganisationInput>) {
  return inTransaction(db, async (tx) => {
    const [before] = await tx.select().from(organisations).where(eq(organisations.id, id)).for('update');
    if (!before) throw notFound({ ko: `기관 ${id}`, en: `Organisation ${id}` });
    try {
      const [row] = await tx
        .update(organisations)
        .set({
          ...(patch.kind ? { kind: patch.kind } : {}),
          ...(patch.name ? { nameKo: patch.name.ko, nameEn: patch.name.en ?? null } : {}),
          ...(patch.contacts ? { contacts: patch.contacts } : {}),
        })
        .where(eq(organisations.id, id))
        .returning();
      const view = organisationView(row!);
      await recordAudit(tx, actor, { action: 'organisation.update', entity: 'organisation', entityId: id, before: organisationView(before), after: view });
      return view;
    } catch (e) {
      if (patch.name && isUniqueViolation(e)) throw nameTaken(patch.name.ko);
      throw e;
    }
  });
}

/** Adds the plan's three partner organisations when missing (by seed key); returns the ids added. */
export async function seedPartnerOrganisations(db: Executor): Promise<number[]> {
  return inTransaction(db, async (tx) => {
    const added: number[] = [];
    for (const o of PLAN_ORGANISATIONS) {
      const [row] = await tx
        .insert(organisations)
        .values({ kind: o.kind, nameKo: o.name.ko, nameEn: o.name.en ?? null, seedKey: o.seedKey })
        .onConflictDoNothing()
        .returning();
      if (!row) continue;
      added.push(row.id);
      await recordAudit(tx, SYSTEM_ACTOR, { action: 'organisation.create', entity: 'organisation', entityId: row.id, after: organisationView(row) });
    }
    return added;
  });
}
