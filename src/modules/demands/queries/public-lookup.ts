import { timingSafeEqual } from 'node:crypto';
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.js';
import { underNode } from '../../../db/tree.js';
import { AppError } from '../../../lib/errors.js';
import { sha256 } from '../../../lib/hash.js';
import { redact } from '../../../lib/redact.js';
import { categoryIdsWhere, categoryOf } from '../../categories/index.js';
import { asWritten, publicFaces, withheldIds } from '../../moderation/index.js';
import { cachedCategory, cachedRegion, getUnit, regionIdsWhere, regionOf, unitNameOf } from '../../regions/index.js';
import { demandText, splitDemandText } from '../moderated.js';
import { normalizePhone } from '../numbering.js';
import { encodeCursor, type PageCursor, type PublicDemandViewT } from '../schema.js';
import { answeredStates, survivingDemand } from '../survivor.js';
import { type DemandRow, demandEvents, demands } from '../tables.js';
import { iso } from './present.js';

/** Phone numbers residents type into their text are masked before it is shown to the public. */

const sameText = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/**
 * A resident finds their own demand by number plus phone (or query code). A wrong pair and an
 * unknown number get the same answer, so the endpoint tells nothing about other people's demands.
 */
export async function findOwnDemand(db: Db, input: { number: string; phone?: string; queryCode?: string }) {
  const [demand] = await db.select().from(demands).where(eq(demands.number, input.number));
  const phoneOk = !!(demand && input.phone && demand.reporterPhone && sameText(demand.reporterPhone, normalizePhone(input.phone)));
  const codeOk = !!(demand && input.queryCode && sameText(demand.queryCodeHash, sha256(input.queryCode)));
  if (!demand || !(phoneOk || codeOk)) throw new AppError('demand.lookup_failed');
  return demand;
}

// Internal hand-offs (dispatch, return, extensions) are told in plain words without reasons.
const publicReasons = new Set(['decline', 'withdraw']);
const publicActions = new Set([
  'register',
  'dispatch',
  'acknowledge',
  'reply',
  'answer_directly',
  'record_callback',
  'rate_merged',
  'close',
  'reopen',
  'merge',
  'decline',
  'withdraw',
  'return',
]);

/** A demand with the names a resident reads beside it (category and unit null until set). */
const withNames = {
  d: demands,
  region: regionOf(demands.regionId).name,
  category: categoryOf(demands.categoryId).fullName.as<string | null>(),
  unit: unitNameOf(demands.unitId).as<string | null>(),
};

export async function presentOwnDemand(db: Db, demandId: number): Promise<PublicDemandViewT> {
  const [row] = await db.select(withNames).from(demands).where(eq(demands.id, demandId));
  const events = await db.select().from(demandEvents).where(eq(demandEvents.demandId, demandId)).orderBy(asc(demandEvents.id));
  const d = row.d;
  const mergedInto = d.state === 'merged' && d.mergedIntoId ? await survivorOf(db, d.mergedIntoId) : null;
  return {
    mergedInto,
    number: d.number,
    type: d.type,
    state: d.state,
    title: d.title,
    content: d.content,
    region: row.region,
    category: row.category,
    unit: row.unit,
    replyText: d.replyText,
    repliedAt: iso(d.repliedAt),
    createdAt: d.createdAt.toISOString(),
    closedAt: iso(d.closedAt),
    // The resident rates their answer: their own, or the one the demand handled for both gave.
    callbackOpen: d.state === 'replied' || (mergedInto !== null && d.satisfaction === null && answeredStates.includes(mergedInto.state)),
    timeline: events
      .filter((e) => publicActions.has(e.action) && !(e.action === 'merge' && e.fromState === e.toState))
      .map((e) => ({
        action: e.action,
        toState: e.toState,
        at: e.at.toISOString(),
        reason: publicReasons.has(e.action) ? e.reason : null,
      })),
  };
}

/**
 * What a resident's own submission returns: a demand this request registered is shown from the row intake returned,
 * its names from the reference cache and its timeline the registration, with no second read of what was just
 * written; a replay of an earlier submission (the same idempotency key) is read as it stands now.
 */
export async function presentIntake(db: Db, result: { demand: DemandRow; created: boolean }): Promise<PublicDemandViewT> {
  const d = result.demand;
  if (!result.created || d.state !== 'registered' || d.unitId !== null) return presentOwnDemand(db, d.id);
  const [region, category] = await Promise.all([
    cachedRegion(db, db, d.regionId),
    d.categoryId === null ? null : cachedCategory(db, db, d.categoryId),
  ]);
  return {
    mergedInto: null,
    number: d.number,
    type: d.type,
    state: d.state,
    title: d.title,
    content: d.content,
    region: region?.name ?? '',
    category: category?.fullName ?? null,
    unit: null,
    replyText: null,
    repliedAt: null,
    createdAt: d.createdAt.toISOString(),
    closedAt: null,
    callbackOpen: false,
    timeline: [{ action: 'register', toState: 'registered', at: d.createdAt.toISOString(), reason: null }],
  };
}

/**
 * The demand a merged one now lives in (following a chain of merges), as its resident may read it:
 * its number, progress and reply, with the other resident's name and any numbers masked.
 */
async function survivorOf(db: Db, id: number) {
  const d = await survivingDemand(db, id);
  if (!d) return null;
  const unit = d.unitId ? await getUnit(db, d.unitId) : null;
  return {
    number: d.number,
    state: d.state,
    unit: unit?.name ?? null,
    replyText: d.replyText === null ? null : redact(d.replyText, { names: [d.reporterName] }),
    repliedAt: iso(d.repliedAt),
    closedAt: iso(d.closedAt),
  };
}

/** 公开: answered demands for everyone to read, with no names, phones or addresses of people. */
export async function listPublicAnswered(
  db: Db,
  filter: { regionId?: number; categoryId?: number; page: number; pageSize: number; after?: PageCursor },
) {
  const where = [
    inArray(demands.state, ['replied', 'callback_done', 'closed']),
    eq(demands.anonymous, false),
    sql`${demands.id} not in ${withheldIds('demand')}`,
  ];
  const { regionId, categoryId } = filter;
  if (regionId) where.push(sql`${demands.regionId} in ${regionIdsWhere((path) => underNode(path, 'regions', regionId))}`);
  if (categoryId) where.push(sql`${demands.categoryId} in ${categoryIdsWhere((path) => underNode(path, 'categories', categoryId))}`);
  // Newest reply first (nulls first, as PostgreSQL sorts them descending), on the index of that order.
  const c = filter.after;
  if (c)
    where.push(
      c.at
        ? sql`(${demands.repliedAt}, ${demands.id}) < (${c.at.toISOString()}::timestamptz, ${c.id})`
        : sql`((${demands.repliedAt} is null and ${demands.id} < ${c.id}) or ${demands.repliedAt} is not null)`,
    );
  const rows = await db
    .select(withNames)
    .from(demands)
    .where(and(...where))
    .orderBy(desc(demands.repliedAt), desc(demands.id))
    .limit(filter.pageSize)
    .offset(c ? 0 : (filter.page - 1) * filter.pageSize);
  const last = rows.at(-1)?.d;
  const nextCursor = last && rows.length === filter.pageSize ? encodeCursor({ at: last.repliedAt, id: last.id }) : null;
  const texts = await publicTexts(
    db,
    rows.map((r) => r.d),
  );
  const items = rows.map((r) => {
    const t = texts.get(r.d.id)!;
    return {
      number: r.d.number,
      type: r.d.type,
      state: r.d.state,
      title: t.title,
      content: t.content,
      region: r.region,
      category: r.category,
      unit: r.unit,
      replyText: t.replyText,
      repliedAt: iso(r.d.repliedAt),
      createdAt: r.d.createdAt.toISOString(),
    };
  });
  return { items, nextCursor };
}

/**
 * What the public may read of these demands: a moderator's decision first (a redacted text shows what remains, a
 * reply taken down says so; hidden demands are left out by the caller's query), then names and numbers masked.
 */
export async function publicTexts(db: Db, rows: DemandRow[]) {
  const ids = rows.map((d) => d.id);
  const [demandFaces, replyFaces] = await Promise.all([publicFaces(db, 'demand', ids), publicFaces(db, 'reply', ids)]);
  return new Map(
    rows.map((d) => {
      const names = [d.reporterName];
      const [title, content] = splitDemandText((demandFaces.get(d.id) ?? asWritten).text(demandText(d)));
      const reply = replyFaces.get(d.id) ?? asWritten;
      const replyText = d.replyText === null ? null : reply.hidden ? `〔答复已撤下：${reply.hiddenReason}〕` : reply.text(d.replyText);
      return [
        d.id,
        {
          title: redact(title, { names }),
          content: redact(content, { names }),
          replyText: replyText === null ? null : redact(replyText, { names }),
        },
      ];
    }),
  );
}
