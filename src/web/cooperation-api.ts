/**
 * Calls for the ordinance (조례) and institution attraction (금융기관 유치). Shapes are the server's
 * zod schemas in src/modules/cooperation/{ordinance,attraction}/api-schema.ts, imported as types only.
 */
import type { z } from 'zod';
import type {
  AttractionPublicSchema,
  FunnelSchema,
  SupportBody,
  TargetBody,
  TargetPatchBody,
  TargetSchema,
  TargetStageBody,
} from '../modules/cooperation/attraction/api-schema.ts';
import type {
  OpinionAnswerBody,
  OpinionBody,
  OpinionSchema,
  PublicOrdinanceSchema,
  RoundBody,
  StaffOrdinanceSchema,
  StageMoveBody,
} from '../modules/cooperation/ordinance/api-schema.ts';
import { request } from './api-client.ts';

export type PublicOrdinance = z.infer<typeof PublicOrdinanceSchema>;
export type StaffOrdinance = z.infer<typeof StaffOrdinanceSchema>;
export type Opinion = z.infer<typeof OpinionSchema>;
export type AttractionPublic = z.infer<typeof AttractionPublicSchema>;
export type Target = z.infer<typeof TargetSchema>;
export type Funnel = z.infer<typeof FunnelSchema>;

export const ordinance = (signal?: AbortSignal) => request<PublicOrdinance>('/api/ordinance', { signal });
export const staffOrdinance = (signal?: AbortSignal) => request<StaffOrdinance>('/api/manage/ordinance', { signal });
export const moveOrdinanceStage = (roundId: number, body: z.input<typeof StageMoveBody>) =>
  request<StaffOrdinance>(`/api/ordinance/rounds/${roundId}/stage`, { method: 'POST', json: body });
export const startAmendment = (body: z.input<typeof RoundBody>) => request<StaffOrdinance>('/api/ordinance/rounds', { method: 'POST', json: body });
export const addOpinion = (roundId: number, body: z.input<typeof OpinionBody>) => request<Opinion>(`/api/ordinance/rounds/${roundId}/opinions`, { method: 'POST', json: body });
export const answerOpinion = (id: number, body: z.input<typeof OpinionAnswerBody>) => request<Opinion>(`/api/ordinance/opinions/${id}`, { method: 'PATCH', json: body });
export function uploadOrdinanceDocument(roundId: number, stage: string, file: File, title: string, published: boolean) {
  const form = new FormData();
  form.append('stage', stage);
  if (title) form.append('title', title);
  form.append('published', published ? 'true' : 'false');
  form.append('file', file);
  return request<unknown>(`/api/ordinance/rounds/${roundId}/documents`, { method: 'POST', form });
}

export const attractionPublic = (signal?: AbortSignal) => request<AttractionPublic>('/api/attraction/public', { signal });
export const attractionTargets = (signal?: AbortSignal) => request<{ items: Target[] }>('/api/attraction/targets', { signal });
export const attractionFunnel = (year: number, signal?: AbortSignal) => request<Funnel>(`/api/attraction/funnel?year=${year}`, { signal });
export const createTarget = (body: z.input<typeof TargetBody>) => request<Target>('/api/attraction/targets', { method: 'POST', json: body });
export const updateTarget = (id: number, body: z.input<typeof TargetPatchBody>) => request<Target>(`/api/attraction/targets/${id}`, { method: 'PATCH', json: body });
export const moveTarget = (id: number, body: z.input<typeof TargetStageBody>) => request<Target>(`/api/attraction/targets/${id}/stage`, { method: 'POST', json: body });
export const offerSupport = (id: number, body: z.input<typeof SupportBody>) => request<Target>(`/api/attraction/targets/${id}/support`, { method: 'POST', json: body });
