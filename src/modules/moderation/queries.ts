import { and, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { type Actor, organiserRoles, organisesIn, type Reader, withinRegions } from '../../kernel/index.js';
import { moderatedSource, moderatedSources } from './registry.js';
import { type ModeratedKind, moderationStates } from './tables.js';

/** The moderation queue: held items first, then hidden and redacted ones, in the caller's region. */
export async function moderationQueue(db: Db, actor: Actor) {
  const rows = await db
    .select()
    .from(moderationStates)
    .where(withinRegions(actor, organiserRoles, moderationStates.regionPath))
    .orderBy(desc(moderationStates.updatedAt))
    .limit(200);
  const order = { held: 0, hidden: 1, redacted: 2 };
  return rows
    .sort((x, y) => order[x.state] - order[y.state])
    .map((r) => ({
      kind: r.kind,
      id: r.refId,
      state: r.state,
      reason: r.reason,
      original: r.original,
      shown: r.shown,
      updatedAt: r.updatedAt.toISOString(),
    }));
}

export type PublicFace = { hidden: boolean; hiddenReason: string | null; text: (original: string) => string };

/** How each of these items may be shown publicly: as written, redacted, or withheld with its reason. */
export async function publicFaces(db: Reader, kind: ModeratedKind, ids: number[]): Promise<Map<number, PublicFace>> {
  const rows = ids.length
    ? await db
        .select()
        .from(moderationStates)
        .where(and(eq(moderationStates.kind, kind), inArray(moderationStates.refId, ids)))
    : [];
  const faces = new Map<number, PublicFace>();
  for (const r of rows) {
    if (r.state === 'redacted') faces.set(r.refId, { hidden: false, hiddenReason: null, text: () => r.shown ?? '' });
    else faces.set(r.refId, { hidden: true, hiddenReason: r.state === 'held' ? '待审核' : r.reason, text: () => '' });
  }
  return faces;
}

/**
 * The ids of items of a kind a moderator withheld (held or hidden), as a subquery: a public list leaves them out
 * before its page is cut, so a page is never short.
 */
export function withheldIds(kind: ModeratedKind): SQL {
  return sql`(select ${moderationStates.refId} from ${moderationStates}
               where ${moderationStates.kind} = ${kind} and ${moderationStates.state} <> 'redacted')`;
}

export const asWritten: PublicFace = { hidden: false, hiddenReason: null, text: (t) => t };

/**
 * 已发布内容: the newest items residents and units published in the caller's region that no moderator has decided
 * on yet (decided ones are in the queue), newest first, across every kind.
 */
export async function publishedItems(db: Reader, actor: Actor, limit = 60) {
  const lists = await Promise.all(
    moderatedSources().map(async ([kind, source]) => {
      const items = await source.recent(db, actor, limit);
      const decided = await publicFaces(
        db,
        kind,
        items.map((i) => i.id),
      );
      return items.filter((i) => !decided.has(i.id)).map((i) => ({ kind, ...i }));
    }),
  );
  return lists
    .flat()
    .sort((x, y) => y.at.getTime() - x.at.getTime())
    .slice(0, limit)
    .map((i) => ({ kind: i.kind, id: i.id, text: i.text, context: i.context, at: i.at.toISOString() }));
}

/** One published item as its moderator sees it: its text and what was decided (null: the caller may not moderate it). */
export async function moderationStatus(db: Reader, actor: Actor, kind: ModeratedKind, id: number) {
  const item = await moderatedSource(kind)?.locate(db, id);
  if (!item || !organisesIn(actor, item.regionPath)) return null;
  const [row] = await db
    .select()
    .from(moderationStates)
    .where(and(eq(moderationStates.kind, kind), eq(moderationStates.refId, id)));
  return { kind, id, text: item.text, state: row?.state ?? 'published', reason: row?.reason ?? null, shown: row?.shown ?? null };
}
