import { randomBytes } from 'node:crypto';
import { inArray } from 'drizzle-orm';
import type { Reader } from '../../kernel/index.js';
import { sha256 } from '../../lib/hash.js';
import { bandKeys, signature, signatureToBuffer } from '../../lib/minhash.js';
import { type DemandType, demandEvents, demands } from './tables.js';

/** A demand as an earlier system recorded it: its own number and times, answered (closed) or still to do. */
export type HistoricDemand = {
  number: string;
  type: DemandType;
  title: string | null;
  content: string;
  reporterName: string | null;
  regionId: number;
  categoryId: number | null;
  unitId: number | null;
  replyText: string | null;
  repliedAt: Date | null;
  createdAt: Date;
  /** Kept on each of its events: where it came from (the source, the row of the file). */
  provenance: Record<string, unknown>;
};

/**
 * Which of these numbers the platform already holds, and for an earlier history import of the same number its
 * reference (null for any other demand): the import skips its own earlier rows and refuses a clash.
 */
export async function numbersTaken(db: Reader, numbers: string[]): Promise<Map<string, string | null>> {
  const taken = new Map<string, string | null>();
  for (let i = 0; i < numbers.length; i += 1_000) {
    const rows = await db
      .select({ number: demands.number, channel: demands.channel, ref: demands.externalRef })
      .from(demands)
      .where(inArray(demands.number, numbers.slice(i, i + 1_000)));
    for (const d of rows) taken.set(d.number, d.channel === 'import' ? d.ref : null);
  }
  return taken;
}

/**
 * 历史导入's write, inside the import's transaction: the demands with their history as events (registered; replied
 * and closed when the earlier system answered), in one statement each. The import audits them itself.
 */
export async function recordHistoricDemands(db: Reader, rows: HistoricDemand[]) {
  const inserted = await db
    .insert(demands)
    .values(
      rows.map((r) => {
        const title = r.title ?? r.content.slice(0, 30);
        const minhash = signature(`${title} ${r.content}`);
        const closedAt = r.replyText ? r.repliedAt : null;
        return {
          number: r.number,
          externalRef: r.number,
          // Historical residents never had a query code here: a random one nobody holds.
          queryCodeHash: sha256(randomBytes(16).toString('hex')),
          channel: 'import' as const,
          type: r.type,
          state: r.replyText ? ('closed' as const) : ('registered' as const),
          title,
          content: r.content,
          reporterName: r.reporterName,
          reporterContact: '历史导入',
          regionId: r.regionId,
          categoryId: r.categoryId,
          unitId: r.unitId,
          replyText: r.replyText,
          repliedAt: r.repliedAt,
          closedAt,
          minhash: signatureToBuffer(minhash),
          lsh: bandKeys(minhash),
          createdAt: r.createdAt,
          updatedAt: closedAt ?? r.createdAt,
        };
      }),
    )
    .returning({ id: demands.id, number: demands.number, state: demands.state, regionId: demands.regionId });
  const byNumber = new Map(rows.map((r) => [r.number, r]));
  const events: (typeof demandEvents.$inferInsert)[] = [];
  for (const d of inserted) {
    const r = byNumber.get(d.number)!;
    const step = (action: string, fromState: 'registered' | 'replied' | null, toState: 'registered' | 'replied' | 'closed', at: Date) =>
      events.push({ demandId: d.id, action, fromState, toState, actorKind: 'system', data: r.provenance, at });
    step('register', null, 'registered', r.createdAt);
    if (r.replyText && r.repliedAt) {
      step('reply', 'registered', 'replied', r.repliedAt);
      step('close', 'replied', 'closed', r.repliedAt);
    }
  }
  if (events.length) await db.insert(demandEvents).values(events);
  return inserted;
}
