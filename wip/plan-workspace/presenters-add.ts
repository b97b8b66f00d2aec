
type DraftTableRow = typeof planDrafts.$inferSelect;

export const draftView = (d: DraftTableRow): Draft => ({
  actionId: d.actionId,
  status: d.status,
  progress: d.progress,
  comment: d.comment,
  updatedAt: d.updatedAt.toISOString(),
});

export const draftRowView = (d: DraftTableRow, a: ActionRow, year: number, period: Period, by: DraftRow['updatedBy']): DraftRow => ({
  ...draftView(d),
  text: a.text,
  year,
  period,
  published: { status: a.status, progress: a.progress },
  updatedBy: by,
});
