/** The settlement module as the API answers it: facilities, feedback (public, tracking, staff), survey years, improvements. */
import { maskEmail, maskName, maskPhone } from '../../server/mask.ts';
import type { Facility, StaffFeedback } from './api-schema.ts';
import { redactText } from './feedback/redact.ts';
import {
  FACILITY_STAGES,
  type facilities,
  type facilityBudgets,
  type facilityInspections,
  type facilityMilestones,
  type improvementChecks,
  type inspectionFollowUps,
  type inspectionPhotos,
  type settlementFeedback,
  type settlementImprovements,
} from './schema.ts';

type FacilityRow = typeof facilities.$inferSelect;
type MilestoneRow = typeof facilityMilestones.$inferSelect;
type BudgetRow = typeof facilityBudgets.$inferSelect;
type InspectionRow = typeof facilityInspections.$inferSelect;
type PhotoRow = typeof inspectionPhotos.$inferSelect;
type FollowUpRow = typeof inspectionFollowUps.$inferSelect;
type FeedbackRow = typeof settlementFeedback.$inferSelect;
type Department = { id: number; name: string; nameEn: string | null };

/** A facility's progress from its stage: planning 0, design 25, construction 50, completion 75, opening 100. */
const stageProgress = (stage: FacilityRow['stage']): number => FACILITY_STAGES.indexOf(stage) * 25;

const milestoneView = (m: MilestoneRow) => ({ id: m.id, name: { ko: m.nameKo, en: m.nameEn }, plannedOn: m.plannedOn, doneOn: m.doneOn });

export function facilityListItem(f: FacilityRow, milestones: MilestoneRow[]) {
  return {
    id: f.id,
    name: { ko: f.nameKo, en: f.nameEn },
    stage: f.stage,
    progress: stageProgress(f.stage),
    milestones: milestones.map((m) => ({ name: { ko: m.nameKo, en: m.nameEn }, plannedOn: m.plannedOn, doneOn: m.doneOn })),
  };
}

const photoView = (p: PhotoRow, heldOn: string) => ({ id: p.id, url: `/api/facilities/photos/${p.id}`, caption: p.caption, takenOn: heldOn });

export interface FacilityParts {
  f: FacilityRow;
  department: Department | null;
  milestones: MilestoneRow[];
  budget: BudgetRow[];
  inspections: { i: InspectionRow; photos: PhotoRow[]; followUps: FollowUpRow[] }[];
}

/** The facility page: staff see inspections (findings, follow-ups); the public sees the photos and no inspection notes. */
export function facilityView({ f, department, milestones, budget, inspections }: FacilityParts, audience: 'public' | 'staff'): Facility {
  return {
    id: f.id,
    key: f.key,
    name: { ko: f.nameKo, en: f.nameEn },
    description: f.descriptionKo ? { ko: f.descriptionKo, en: f.descriptionEn } : null,
    stage: f.stage,
    progress: stageProgress(f.stage),
    department,
    planActionId: f.planActionId,
    milestones: milestones.map(milestoneView),
    budget: { lines: budget.map((b) => ({ source: b.source, amountWon: b.amountWon })), totalWon: budget.reduce((s, b) => s + b.amountWon, 0) },
    inspections:
      audience === 'staff'
        ? inspections.map(({ i, photos, followUps }) => ({
            id: i.id,
            heldOn: i.heldOn,
            findings: i.findings,
            photos: photos.map((p) => photoView(p, i.heldOn)),
            followUps: followUps.map((u) => ({ id: u.id, text: u.text, done: u.doneAt !== null, doneAt: u.doneAt?.toISOString() ?? null })),
          }))
        : [],
    photos: inspections.flatMap(({ i, photos }) => photos.map((p) => photoView(p, i.heldOn))),
  };
}

// ── Feedback ────────────────────────────────────────────────────────────────

const answerOf = (text: string | null, department: string | null, at: Date | null) => (text !== null && at ? { text, department, answeredAt: at.toISOString() } : null);

/** The public board's item: only the approved, redacted text and answer. */
export const boardItem = (r: FeedbackRow, department: string | null) => ({
  id: r.id,
  category: r.category,
  text: r.publicText ?? '',
  answer: answerOf(r.publicAnswer, department, r.answeredAt),
});

/** What the tracking link shows the person who wrote it: their own text and the answer. */
export const trackingView = (r: FeedbackRow, department: string | null) => ({
  id: r.id,
  category: r.category,
  text: r.text,
  status: r.status,
  hasPhoto: r.photoSha256 !== null,
  department,
  answer: answerOf(r.answerText, department, r.answeredAt),
  published: r.publishedAt !== null,
  createdAt: r.createdAt.toISOString(),
});

export function staffFeedbackView(r: FeedbackRow, department: { id: number; name: string } | null): StaffFeedback {
  const hasContact = r.contactPhone !== null || r.contactEmail !== null || r.contactName !== null;
  return {
    id: r.id,
    category: r.category,
    text: r.text,
    status: r.status,
    hasPhoto: r.photoSha256 !== null,
    anonymous: !hasContact && r.consentAt === null,
    contact: hasContact ? { name: r.contactName ? maskName(r.contactName) : null, phoneMasked: maskPhone(r.contactPhone), emailMasked: maskEmail(r.contactEmail) } : null,
    department,
    answer: r.answerText,
    answeredAt: r.answeredAt?.toISOString() ?? null,
    proposed: { text: redactText(r.text), answer: r.answerText === null ? null : redactText(r.answerText) },
    published: r.publishedAt ? { text: r.publicText ?? '', answer: r.publicAnswer, publishedAt: r.publishedAt.toISOString() } : null,
    createdAt: r.createdAt.toISOString(),
    anonymized: r.anonymizedAt !== null,
  };
}

// ── Improvements ────────────────────────────────────────────────────────────

export const improvementView = (r: typeof settlementImprovements.$inferSelect, department: string | null, checks: (typeof improvementChecks.$inferSelect)[]) => ({
  id: r.id,
  kind: r.kind,
  title: { ko: r.titleKo, en: r.titleEn },
  department,
  status: r.status,
  doneAt: r.doneAt?.toISOString() ?? null,
  checks: checks.map((c) => ({ year: c.year, quarter: c.quarter, status: c.status, note: c.note, checkedAt: c.checkedAt.toISOString() })),
});
