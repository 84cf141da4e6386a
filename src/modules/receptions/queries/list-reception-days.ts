import { and, asc, desc, eq, gte, isNotNull, or, type SQL } from 'drizzle-orm';
import type { Db } from '../../../db/client.js';
import { type Actor, organiserRoles, withinRegions } from '../../../kernel/index.js';
import { redact } from '../../../lib/redact.js';
import { regions } from '../../regions/index.js';
import { receptionDays } from '../tables.js';

async function list(db: Db, where: SQL | undefined, order: 'asc' | 'desc') {
  const rows = await db
    .select({ r: receptionDays, region: regions.name })
    .from(receptionDays)
    .innerJoin(regions, eq(regions.id, receptionDays.regionId))
    .where(where)
    .orderBy(order === 'asc' ? asc(receptionDays.startsAt) : desc(receptionDays.startsAt))
    .limit(100);
  return rows.map(({ r, region }) => ({
    id: r.id,
    title: redact(r.title),
    regionId: r.regionId,
    region,
    hosts: redact(r.hosts),
    place: redact(r.place),
    startsAt: r.startsAt.toISOString(),
    endsAt: r.endsAt.toISOString(),
    reportPublished: !!r.reportPublishedAt,
  }));
}

/** The sessions the caller organises, newest first. */
export const staffReceptionDays = (db: Db, actor: Actor) => list(db, withinRegions(actor, organiserRoles, regions.path), 'desc');

/** What the portal shows: upcoming sessions and those whose report is published. */
export const publicReceptionDays = (db: Db, now: Date) =>
  list(db, or(gte(receptionDays.endsAt, now), isNotNull(receptionDays.reportPublishedAt)), 'asc');

export const receptionDayView = async (db: Db, id: number) => (await list(db, and(eq(receptionDays.id, id)), 'asc'))[0];
