import { and, asc, desc, eq, gte, inArray, isNotNull, or, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.js';
import { type Actor, organiserRoles, withinRegions } from '../../../kernel/index.js';
import { redact } from '../../../lib/redact.js';
import { demandOpenOf } from '../../demands/index.js';
import { regionOf } from '../../regions/index.js';
import { receptionDays, receptionEntries } from '../tables.js';

async function list(db: Db, where: SQL | undefined, order: 'asc' | 'desc') {
  const rows = await db
    .select({ r: receptionDays, region: regionOf(receptionDays.regionId).name })
    .from(receptionDays)
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

/**
 * The sessions the caller organises, newest first, each with how many items were raised and how many are still being
 * worked on: a session is followed up until none is.
 */
export async function staffReceptionDays(db: Db, actor: Actor) {
  const sessions = await list(db, withinRegions(actor, organiserRoles, regionOf(receptionDays.regionId).path), 'desc');
  const counts = sessions.length
    ? await db
        .select({
          id: receptionEntries.receptionDayId,
          raised: sql<number>`count(*)::int`,
          open: sql<number>`(count(*) filter (where ${demandOpenOf(receptionEntries.demandId)}))::int`,
        })
        .from(receptionEntries)
        .where(
          inArray(
            receptionEntries.receptionDayId,
            sessions.map((s) => s.id),
          ),
        )
        .groupBy(receptionEntries.receptionDayId)
    : [];
  return sessions.map((s) => {
    const c = counts.find((x) => x.id === s.id);
    return { ...s, followUp: { raised: c?.raised ?? 0, open: c?.open ?? 0 } };
  });
}

/** What the portal shows: upcoming sessions and those whose report is published. */
export const publicReceptionDays = (db: Db, now: Date) =>
  list(db, or(gte(receptionDays.endsAt, now), isNotNull(receptionDays.reportPublishedAt)), 'asc');

export const receptionDayView = async (db: Db, id: number) => (await list(db, and(eq(receptionDays.id, id)), 'asc'))[0];
