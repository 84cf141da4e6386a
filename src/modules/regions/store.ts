import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.js';
import { AppError } from '../../lib/errors.js';
import { type RegionLevel, regionLevels, regions, type UnitKind, unitCategories, unitRegions, units } from './tables.js';

export type Region = typeof regions.$inferSelect;
export type Unit = typeof units.$inferSelect;

/** Ids named in a path "/1/4/17/", root first. */
export const pathIds = (path: string): number[] => path.split('/').filter(Boolean).map(Number);

export async function getRegion(db: Db | Tx, id: number): Promise<Region | null> {
  const [row] = await db.select().from(regions).where(eq(regions.id, id));
  return row ?? null;
}

export async function listRegions(db: Db): Promise<Region[]> {
  return db.select().from(regions).orderBy(asc(regions.path));
}

export async function createRegion(
  db: Db | Tx,
  input: { parentId: number | null; level: RegionLevel; name: string; code: string },
): Promise<Region> {
  const parent = input.parentId ? await getRegion(db, input.parentId) : null;
  if (input.parentId && !parent) throw new AppError('validation.reference', { details: { parentId: input.parentId } });
  if (parent && regionLevels.indexOf(input.level) !== regionLevels.indexOf(parent.level) + 1) {
    throw new AppError('request.invalid', {
      zh: `${parent.name}（${parent.level}）的下级必须是 ${regionLevels[regionLevels.indexOf(parent.level) + 1] ?? '无'} 级。`,
      en: `A child of ${parent.name} (${parent.level}) must be at level ${regionLevels[regionLevels.indexOf(parent.level) + 1] ?? 'none'}.`,
    });
  }
  const [existing] = await db.select({ id: regions.id }).from(regions).where(eq(regions.code, input.code));
  if (existing)
    throw new AppError('conflict.duplicate', { zh: `区域编码 ${input.code} 已存在。`, en: `Region code ${input.code} exists.` });
  const [row] = await db
    .insert(regions)
    .values({ parentId: input.parentId, level: input.level, name: input.name, code: input.code, path: '' })
    .returning();
  const path = `${parent ? parent.path : '/'}${row.id}/`;
  await db.update(regions).set({ path }).where(eq(regions.id, row.id));
  return { ...row, path };
}

export async function createUnit(
  db: Db | Tx,
  input: { name: string; kind: UnitKind; homeRegionId?: number | null; regionIds?: number[]; categoryIds?: number[] },
): Promise<Unit> {
  const [row] = await db
    .insert(units)
    .values({ name: input.name, kind: input.kind, homeRegionId: input.homeRegionId ?? null })
    .returning();
  if (input.regionIds?.length) await db.insert(unitRegions).values(input.regionIds.map((regionId) => ({ unitId: row.id, regionId })));
  if (input.categoryIds?.length) {
    await db.insert(unitCategories).values(input.categoryIds.map((categoryId) => ({ unitId: row.id, categoryId })));
  }
  return row;
}

export async function getUnit(db: Db | Tx, id: number): Promise<Unit | null> {
  const [row] = await db.select().from(units).where(eq(units.id, id));
  return row ?? null;
}

/** The categories a unit owns (its 职责 in the routing table). */
export async function unitCategoryIds(db: Db | Tx, unitId: number): Promise<number[]> {
  const rows = await db.select({ id: unitCategories.categoryId }).from(unitCategories).where(eq(unitCategories.unitId, unitId));
  return rows.map((r) => r.id);
}

export async function listUnits(db: Db): Promise<(Unit & { regionIds: number[]; categoryIds: number[] })[]> {
  const all = await db.select().from(units).orderBy(asc(units.id));
  const ur = await db.select().from(unitRegions);
  const uc = await db.select().from(unitCategories);
  return all.map((u) => ({
    ...u,
    regionIds: ur.filter((r) => r.unitId === u.id).map((r) => r.regionId),
    categoryIds: uc.filter((c) => c.unitId === u.id).map((c) => c.categoryId),
  }));
}

/**
 * 首接负责: a demand whose owner is unclear goes to the township government of its place.
 * Returns that unit, or null when the region lies above township level or none is set up.
 */
export async function firstResponsibleUnit(db: Db | Tx, regionPath: string): Promise<Unit | null> {
  const ids = pathIds(regionPath);
  if (ids.length === 0) return null;
  const chain = await db.select().from(regions).where(inArray(regions.id, ids));
  const township = chain.find((r) => r.level === 'township');
  if (!township) return null;
  const [unit] = await db
    .select()
    .from(units)
    .where(and(eq(units.kind, 'township_government'), eq(units.homeRegionId, township.id), eq(units.active, 1)));
  return unit ?? null;
}

/** Where each unit works: the paths of its home region and of the regions it has jurisdiction over. */
export async function unitRegionPaths(db: Db | Tx): Promise<Map<number, string[]>> {
  const [served, homes] = await Promise.all([
    db
      .select({ unitId: unitRegions.unitId, path: regions.path })
      .from(unitRegions)
      .innerJoin(regions, eq(regions.id, unitRegions.regionId)),
    db.select({ unitId: units.id, path: regions.path }).from(units).innerJoin(regions, eq(regions.id, units.homeRegionId)),
  ]);
  const paths = new Map<number, string[]>();
  for (const { unitId, path } of [...served, ...homes]) paths.set(unitId, [...(paths.get(unitId) ?? []), path]);
  return paths;
}
