import { and, asc, inArray, isNotNull, isNull, type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Db, Tx } from '../../db/client.js';
import { qualified } from '../../db/qualified.js';
import { userRoles, users } from './tables.js';

/** A person's display name by their account id, as an expression another module's query selects or orders by (null where the id is). */
export function userNameOf(id: AnyPgColumn | SQL): SQL<string> {
  return sql<string>`(select u.display_name from ${users} u where u.id = ${qualified(id)})`;
}

/** The accounts among these ids, with their display names and whether they are disabled (an unknown id is absent). */
export async function accountsByIds(db: Db | Tx, ids: number[]): Promise<{ id: number; name: string; disabledAt: Date | null }[]> {
  return db.select({ id: users.id, name: users.displayName, disabledAt: users.disabledAt }).from(users).where(inArray(users.id, ids));
}

/** Every account not disabled, oldest first: the staff one may pick from. */
export async function activeAccounts(db: Db | Tx): Promise<{ id: number; name: string }[]> {
  return db.select({ id: users.id, name: users.displayName }).from(users).where(isNull(users.disabledAt)).orderBy(asc(users.id));
}

/**
 * The units people handle for (their grants that name a unit), of these accounts or of everyone: the units a panel
 * member must never assess.
 */
export async function handledUnits(db: Db | Tx, userIds?: number[]): Promise<{ userId: number; unitId: number }[]> {
  const rows = await db
    .select({ userId: userRoles.userId, unitId: userRoles.unitId })
    .from(userRoles)
    .where(and(userIds ? inArray(userRoles.userId, userIds) : undefined, isNotNull(userRoles.unitId)));
  return rows.map((r) => ({ userId: r.userId, unitId: r.unitId! }));
}

/** A person's phone by their account id (null when they gave none, or for no id), as an expression another module's query selects. */
export function userPhoneOf(id: AnyPgColumn | SQL): SQL<string | null> {
  return sql<string | null>`(select u.phone from ${users} u where u.id = ${qualified(id)})`;
}
