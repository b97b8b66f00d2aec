/**
 * Filters kept in the address (`?status=failed&kind=…`), so a filtered list can be bookmarked,
 * shared and reloaded, and the back button undoes a search. The language parameter stays.
 */
import { useSearchParams } from 'react-router';

export function useUrlFilters<K extends string>(names: readonly K[]): [Record<K, string>, (next: Record<K, string>) => void] {
  const [params, setParams] = useSearchParams();
  const values = Object.fromEntries(names.map((n) => [n, params.get(n) ?? ''])) as Record<K, string>;
  const apply = (next: Record<K, string>) =>
    setParams((current) => {
      const out = new URLSearchParams(current);
      for (const n of names) {
        const v = next[n].trim();
        if (v) out.set(n, v);
        else out.delete(n);
      }
      return out;
    });
  return [values, apply];
}
