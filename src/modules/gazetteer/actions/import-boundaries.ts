import { sql } from 'drizzle-orm';
import { type ActionContext, announceChange, audit, requireAdmin } from '../../../kernel/index.js';
import { regionTree } from '../../regions/index.js';
import { invalidatePlacer } from '../cache.js';
import { regionBoundaries } from '../tables.js';
import { type BoundaryReport, validateBoundaries } from '../validate-boundaries.js';

export type ImportBoundariesInput = { collection: unknown; quality: 'schematic' | 'surveyed'; dryRun?: boolean };
export type ImportBoundariesResult = { saved: number; problems: string[]; uncovered: string[] };

/**
 * Admin: the district's boundaries from a GeoJSON FeatureCollection. All or nothing: a file with any
 * feature that does not fit saves nothing and says what to fix; communities left uncovered are a warning.
 */
export async function importBoundaries(a: ActionContext, input: ImportBoundariesInput): Promise<ImportBoundariesResult> {
  requireAdmin(a.actor);
  const all = await regionTree(a.tx);
  const stored = await a.tx.select({ id: regionBoundaries.regionId }).from(regionBoundaries);
  const report: BoundaryReport = validateBoundaries(input.collection, all, new Set(stored.map((s) => s.id)));
  if (report.problems.length > 0 || input.dryRun || report.fitting.length === 0) {
    a.unchanged();
    const problems = report.fitting.length === 0 && report.problems.length === 0 ? ['文件中没有任何要素。'] : report.problems;
    return { saved: 0, problems, uncovered: report.uncovered };
  }
  await a.tx
    .insert(regionBoundaries)
    .values(report.fitting.map((f) => ({ regionId: f.regionId, geometry: f.geometry, quality: input.quality, importedAt: a.now })))
    .onConflictDoUpdate({
      target: regionBoundaries.regionId,
      set: { geometry: sql`excluded.geometry`, quality: sql`excluded.quality`, importedAt: sql`excluded.imported_at` },
    });
  await audit(a, {
    resource: 'region_boundaries',
    resourceId: 0,
    action: 'import',
    data: { regions: report.fitting.length, quality: input.quality, uncovered: report.uncovered.length },
  });
  await announceChange(a, 'references');
  a.afterCommit(() => invalidatePlacer(a.app.db));
  return { saved: report.fitting.length, problems: [], uncovered: report.uncovered };
}
