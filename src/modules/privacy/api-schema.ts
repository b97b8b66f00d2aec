/** The privacy policy's shape (GET /api/privacy-policy). */
import { z } from 'zod';

const bilingual = z.object({ ko: z.string(), en: z.string() });

export const PrivacyPolicySchema = z
  .object({
    effectiveDate: z.iso.date(),
    controller: bilingual,
    processings: z.array(
      z.object({
        id: z.string(),
        name: bilingual,
        purpose: bilingual,
        items: bilingual,
        basis: bilingual,
        retention: bilingual,
        retentionDays: z.number().int().nullable().describe('days kept after the end of the thing registered for; null: kept as `retention` says'),
      }),
    ),
    recipients: z.array(
      z.object({ kind: z.enum(['entrustment', 'provision']).describe('entrustment: 처리위탁; provision: 제3자 제공'), name: bilingual, task: bilingual, items: bilingual }),
    ),
    officer: z.object({ title: bilingual, name: z.string().nullable(), department: bilingual, phone: z.string(), email: z.string().nullable() }),
  })
  .meta({ id: 'PrivacyPolicy' });
