/** The open-data catalogue (src/modules/opendata), its shape imported from the server's zod schema as a type. */
import type { z } from 'zod';
import type { OpenDataCatalogueSchema } from '../modules/opendata/api-schema.ts';
import { request } from './api-client.ts';

export type OpenDataCatalogue = z.infer<typeof OpenDataCatalogueSchema>;
export type OpenDataset = OpenDataCatalogue['datasets'][number];

export const openDataCatalogue = (signal?: AbortSignal) => request<OpenDataCatalogue>('/api/open-data', { signal });
