import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../../db/client.js';
import { isActiveCategory } from '../../categories/index.js';
import { demandNumberOf } from '../../demands/index.js';
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

/** The number of the demand a request's token stands for (null for an unknown token). */
export async function findToken(db: Db, token: string): Promise<{ number: string } | null> {
  const [r] = await db
    .select({ number: demandNumberOf(open311Requests.demandId) })
    .from(open311Requests)
    .where(eq(open311Requests.token, token));
  return r?.number == null ? null : { number: r.number };
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
