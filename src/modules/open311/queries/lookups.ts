import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../../db/client.js';
import { isActiveCategory } from '../../categories/index.js';
import { demands } from '../../demands/index.js';
import { regionIdByCode } from '../../regions/index.js';
import { open311Keys, open311Requests } from '../tables.js';

export async function findKey(db: Db, keyHash: string) {
  const [k] = await db
    .select()
    .from(open311Keys)
    .where(and(eq(open311Keys.keyHash, keyHash), isNull(open311Keys.revokedAt)));
  return k ?? null;
}

export async function serviceExists(db: Db, id: number) {
  if (id > 2_147_483_647) return false;
  return isActiveCategory(db, id);
}

export async function findRegionByCode(db: Db, code: string) {
  const id = await regionIdByCode(db, code);
  return id === null ? null : { id };
}

export async function findToken(db: Db, token: string) {
  const [r] = await db
    .select({ number: demands.number })
    .from(open311Requests)
    .innerJoin(demands, eq(demands.id, open311Requests.demandId))
    .where(eq(open311Requests.token, token));
  return r ?? null;
}

export async function listKeys(db: Db) {
  const rows = await db.select().from(open311Keys).orderBy(open311Keys.id);
  return rows.map((k) => ({
    id: k.id,
    name: k.name,
    regionId: k.regionId,
    createdAt: k.createdAt.toISOString(),
    revokedAt: k.revokedAt?.toISOString() ?? null,
  }));
}
