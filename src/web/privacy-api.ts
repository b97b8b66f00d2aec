/** The privacy policy (GET /api/privacy-policy); the shape is the server's zod schema, imported as a type only. */
import type { z } from 'zod';
import type { PrivacyPolicySchema } from '../modules/privacy/api-schema.ts';
import { request } from './api-client.ts';

export type PrivacyPolicy = z.infer<typeof PrivacyPolicySchema>;

export const privacyPolicy = (signal?: AbortSignal) => request<PrivacyPolicy>('/api/privacy-policy', { signal });
