/** Department names in the reader's language (the English name is optional). */
import type { Lang } from './i18n.ts';
import type { Department } from './staff-api.ts';

export function departmentName(departments: readonly Department[], id: number | null | undefined, lang: Lang): string | null {
  if (id === null || id === undefined) return null;
  const d = departments.find((x) => x.id === id);
  if (!d) return `#${id}`;
  return lang === 'en' && d.nameEn ? d.nameEn : d.name;
}

export const departmentLabel = (d: Department, lang: Lang) => (lang === 'en' && d.nameEn ? d.nameEn : d.name);
