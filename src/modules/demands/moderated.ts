import { and, desc, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import {
  type ActionContext,
  type Actor,
  enqueueConsoleMessages,
  enqueueSms,
  organiserRoles,
  type Reader,
  withinRegions,
} from '../../kernel/index.js';
import { regionIdsWhere, regionOf } from '../regions/index.js';
import { demands } from './tables.js';

// What the public reads of a demand (GET /public/demands): answered, not anonymous. Moderators may take down its
// text (kind `demand`: title and content) or its reply (kind `reply`), each keyed by the demand's id.
const publishedStates = ['replied', 'callback_done', 'closed'] as const;

/** A demand's public text as one string: its title on the first line, its content after. */
export const demandText = (d: { title: string; content: string }) => `${d.title}\n${d.content}`;

export function splitDemandText(text: string): [string, string] {
  const cut = text.indexOf('\n');
  return cut < 0 ? [text, ''] : [text.slice(0, cut), text.slice(cut + 1)];
}

const published = (db: Reader) =>
  db
    .select({ d: demands, path: regionOf(demands.regionId).path })
    .from(demands)
    .$dynamic();

const isPublished = and(inArray(demands.state, [...publishedStates]), eq(demands.anonymous, false));

export async function locateDemand(db: Reader, id: number) {
  const [row] = await published(db).where(and(eq(demands.id, id), isPublished));
  return row ? { text: demandText(row.d), regionPath: row.path } : null;
}

export async function locateReply(db: Reader, id: number) {
  const [row] = await published(db).where(and(eq(demands.id, id), isPublished, isNotNull(demands.replyText)));
  return row?.d.replyText ? { text: row.d.replyText, regionPath: row.path } : null;
}

async function recentAnswered(db: Reader, actor: Actor, limit: number) {
  const inScope = regionIdsWhere((path) => withinRegions(actor, organiserRoles, path));
  return published(db)
    .where(and(isPublished, isNotNull(demands.repliedAt), inScope ? sql`${demands.regionId} in ${inScope}` : undefined))
    .orderBy(desc(demands.repliedAt))
    .limit(limit);
}

export async function recentDemands(db: Reader, actor: Actor, limit: number) {
  const rows = await recentAnswered(db, actor, limit);
  return rows.map((r) => ({
    id: r.d.id,
    text: demandText(r.d),
    regionPath: r.path,
    at: r.d.repliedAt ?? r.d.createdAt,
    context: r.d.number,
  }));
}

export async function recentReplies(db: Reader, actor: Actor, limit: number) {
  const rows = await recentAnswered(db, actor, limit);
  return rows
    .filter((r) => r.d.replyText)
    .map((r) => ({ id: r.d.id, text: r.d.replyText ?? '', regionPath: r.path, at: r.d.repliedAt ?? r.d.createdAt, context: r.d.number }));
}

const decisionWords = { hidden: '撤下', redacted: '部分删除' } as const;

/** The resident who wrote the demand hears by SMS, when they left a phone, that its public text was taken down and why. */
export async function tellReporter(a: ActionContext, id: number, decision: { state: 'hidden' | 'redacted'; reason: string }) {
  const [d] = await a.tx.select().from(demands).where(eq(demands.id, id));
  if (!d?.reporterPhone) return;
  await enqueueSms(a, {
    to: d.reporterPhone,
    template: 'moderated',
    params: { number: d.number, decision: decisionWords[decision.state], reason: decision.reason },
    demandId: d.id,
  });
}

/** The unit that wrote the reply hears in the console that its public reply was taken down and why. */
export async function tellReplyingUnit(a: ActionContext, id: number, decision: { state: 'hidden' | 'redacted'; reason: string }) {
  const [d] = await a.tx.select().from(demands).where(eq(demands.id, id));
  if (!d?.unitId) return;
  await enqueueConsoleMessages(
    a,
    [`unit:${d.unitId}:handlers`],
    `诉求 ${d.number} 的公开答复已${decisionWords[decision.state]}，原因：${decision.reason}`,
  );
}
