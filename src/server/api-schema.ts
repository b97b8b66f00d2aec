/** Schemas shared by every module's routes. */
import { z } from 'zod';
import { ERROR_STATUS } from './errors.ts';

const bilingual = z.object({ ko: z.string(), en: z.string() });

export const ErrorResponseSchema = z
  .object({
    error: z.object({
      code: z.enum(Object.keys(ERROR_STATUS) as [keyof typeof ERROR_STATUS, ...(keyof typeof ERROR_STATUS)[]]),
      message: bilingual,
      fields: z.array(z.object({ field: z.string(), message: bilingual })).optional(),
    }),
  })
  .meta({ id: 'Error' });
