import { sql } from 'drizzle-orm';
import { type ActionContext, announceChange, audit, requireAdmin } from '../../../kernel/index.js';
import { readTable } from '../../../lib/spreadsheet.js';
import { regionTree } from '../../regions/index.js';
import { invalidatePlacer } from '../cache.js';
import { readPlaceRows } from '../place-rows.js';
import { namedPlaces } from '../tables.js';

export type ImportPlacesInput = { format: 'csv' | 'xlsx'; data: string };

/** Admin: named places from a CSV or XLSX sheet. All or nothing; a place already known is confirmed again. */
export async function importPlaces(a: ActionContext, input: ImportPlacesInput): Promise<{ saved: number; problems: string[] }> {
  requireAdmin(a.actor);
  const rows = await readTable(input.format, input.data);
  const all = await regionTree(a.tx);
  const { places, problems } = readPlaceRows(rows, all);
  if (problems.length > 0) {
    a.unchanged();
    return { saved: 0, problems };
  }
  for (let i = 0; i < places.length; i += 1000) {
    await a.tx
      .insert(namedPlaces)
      .values(places.slice(i, i + 1000).map((p) => ({ ...p, state: 'confirmed' as const, source: 'import' as const, createdAt: a.now })))
      .onConflictDoUpdate({ target: [namedPlaces.name, namedPlaces.regionId], set: { kind: sql`excluded.kind`, state: 'confirmed' } });
  }
  await audit(a, { resource: 'named_places', resourceId: 0, action: 'import', data: { rows: places.length, format: input.format } });
  await announceChange(a, 'references');
  a.afterCommit(() => invalidatePlacer(a.app.db));
  return { saved: places.length, problems: [] };
}
