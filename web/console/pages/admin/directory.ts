import { message } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { ApiError, api, type Category, type Region } from '../../../shared/api';

export type Unit = { id: number; name: string; kind: string; homeRegionId: number | null; regionIds: number[]; categoryIds: number[] };

/** Shows the server's own words for a refused change. */
export const fail = (e: unknown) => message.error(e instanceof ApiError ? e.message : String(e));

/** The district's places, units and categories: what several admin tabs pick from. */
export function useDirectory() {
  const [regions, setRegions] = useState<Region[]>([]);
  const [units, setUnits] = useState<Unit[]>([]);
  const [categories, setCategories] = useState<Category[]>([]);
  const reload = useCallback(async () => {
    const [r, u, c] = await Promise.all([
      api<{ items: Region[] }>('GET', '/regions'),
      api<{ items: Unit[] }>('GET', '/units'),
      api<{ items: Category[] }>('GET', '/categories'),
    ]);
    setRegions(r.items);
    setUnits(u.items);
    setCategories(c.items);
  }, []);
  useEffect(() => {
    void reload();
  }, [reload]);
  const regionName = useMemo(() => new Map(regions.map((r) => [r.id, r.name])), [regions]);
  const unitName = useMemo(() => new Map(units.map((u) => [u.id, u.name])), [units]);
  const categoryName = useMemo(() => new Map(categories.map((c) => [c.id, c.fullName])), [categories]);
  const regionOptions = regions.map((r) => ({ value: r.id, label: `${'　'.repeat(r.path.split('/').length - 3)}${r.name}` }));
  const categoryOptions = categories.map((c) => ({ value: c.id, label: c.fullName }));
  return { regions, units, categories, reload, regionName, unitName, categoryName, regionOptions, categoryOptions };
}

export type Directory = ReturnType<typeof useDirectory>;

/** A form's submit: the call, a word of success, then a reload; a refusal shows the server's message. */
export function submitter(confirm: string, after: () => Promise<void>) {
  return (path: string, method = 'POST') =>
    async (values: Record<string, unknown>) => {
      try {
        await api(method, path, values);
        message.success(confirm);
        await after();
      } catch (e) {
        fail(e);
      }
    };
}
