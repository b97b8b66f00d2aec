/**
 * The plan's public record (transparency): an action's public page, the reported quarters with
 * their downloads, the pledge disclosure; and the staff call that writes an action's public
 * explanation. Shapes are the server's zod schemas (`import type`, erased from the bundle).
 */
import type { z } from 'zod';
import type { StaffActionSchema } from '../modules/plan/api-schema.ts';
import type { DisclosureSchema, ExplanationBody, PublicActionPageSchema, PublicReportListSchema } from '../modules/plan/transparency-api-schema.ts';
import { request } from './api-client.ts';

export type PublicActionPage = z.infer<typeof PublicActionPageSchema>;
export type PublicReport = z.infer<typeof PublicReportListSchema>['items'][number];
export type Disclosure = z.infer<typeof DisclosureSchema>;

export const fetchPublicAction = (planId: number, actionId: number, signal?: AbortSignal) => request<PublicActionPage>(`/api/plans/${planId}/actions/${actionId}`, { signal });
export const fetchPublicReports = (planId: number, signal?: AbortSignal) =>
  request<{ items: PublicReport[] }>(`/api/plans/${planId}/public-reports`, { signal }).then((r) => r.items);
export const fetchDisclosure = (planId: number, signal?: AbortSignal) => request<Disclosure>(`/api/plans/${planId}/disclosure`, { signal });

/** Staff: sets (or, both blank, removes) an action's public explanation. */
export const saveExplanation = (actionId: number, body: z.input<typeof ExplanationBody>) =>
  request<z.infer<typeof StaffActionSchema>>(`/api/actions/${actionId}/explanation`, { method: 'PUT', json: body });
