import { or, type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Actor } from './actor.js';
import type { Role } from './roles.js';

/**
 * The one helper every region-scoped list goes through: records whose region path lies under
 * one of the actor's grants for `roles`. Undefined means everything (admins, installation-wide
 * grants); residents and the unscoped see nothing.
 */
export function withinRegions(actor: Actor, roles: readonly Role[], pathColumn: AnyPgColumn | SQL): SQL | undefined {
  if (actor.kind === 'system') return undefined;
  if (actor.kind !== 'user') return sql`false`;
  const parts: SQL[] = [];
  for (const g of actor.grants) {
    if (g.role === 'admin') return undefined;
    if (!roles.includes(g.role)) continue;
    if (g.regionPath === null) return undefined;
    parts.push(sql`${pathColumn} like ${`${g.regionPath}%`}`);
  }
  return parts.length ? or(...parts) : sql`false`;
}

/** Who organises community work (councils, reception days, proposals): operators and supervisors of the region. */
export const organiserRoles: readonly Role[] = ['operator', 'supervisor'];
