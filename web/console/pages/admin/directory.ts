import { message } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { ApiError } from '../../../shared/api';
import { type Category, client, type Region, type Schemas } from '../../../shared/client';

export type Unit = Schemas['Unit'];

/** Shows the server's own words for a refused change. */
export const fail = (e: unknown) => message.error(e instanceof ApiError ? e.message : String(e));

/** The district's places, units and categories: what several admin tabs pick from. */
export function useDirectory() {
  const [regions, setRegions] = useState<Region[]>([]);
  const [units, setUnits] = useState<Unit[]>([]);
  const [categories, setCategories] = useState<Category[]>([]);
  const reload = useCallback(async () => {
    const [r, u, c] = await Promise.all([client.GET('/regions'), client.GET('/units'), client.GET('/categories')]);
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

/**
 * A form's submit: the call, then a word saying what happened (a bare "确定" tells the admin nothing), then a reload;
 * a refusal shows the server's message and leaves the form as it was.
 */
export function submitter(after: () => Promise<void>) {
  return async (send: () => Promise<unknown>, done: string): Promise<boolean> => {
    try {
      await send();
      message.success(done);
      await after();
      return true;
    } catch (e) {
      fail(e);
      return false;
    }
  };
}
