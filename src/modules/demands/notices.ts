import { and, eq, inArray } from 'drizzle-orm';
import { type ActionContext, enqueueSms, enqueueWebhook, type SmsTemplate } from '../../kernel/index.js';
import { getUnit } from '../regions/index.js';
import type { DemandAction } from './lifecycle.js';
import { type DemandRow, demands } from './tables.js';

/**
 * What the resident is told by SMS after each step (the receipt is written by intake itself).
 * Internal hand-offs (acknowledge, return, extensions, supervision) are not the resident's news.
 */
export const residentNotices: Partial<Record<DemandAction, SmsTemplate>> = {
  dispatch: 'dispatched',
  // 转办 accepted: the resident learns the unit now handling it, as after a dispatch.
  accept_transfer: 'dispatched',
  reply: 'replied',
  answer_directly: 'replied',
  reopen: 'reopened',
  close: 'closed',
};

/** Queues the notice for this step, if the step has one and the resident left a phone. */
export async function noticeResident(a: ActionContext, demand: DemandRow, action: DemandAction | 'attach'): Promise<void> {
  if (demand.channel === 'city12345') return reportToCity(a, demand, action);
  if (demand.channel === 'import') return;
  const template = action === 'attach' ? undefined : residentNotices[action];
  if (!template || !demand.reporterPhone) return;
  const params: Record<string, string> = { number: demand.number };
  if (template === 'dispatched') {
    const unit = demand.unitId ? await getUnit(a.tx, demand.unitId) : null;
    params.unit = unit?.name ?? '承办单位';
  }
  await enqueueSms(a, { to: demand.reporterPhone, template, params, demandId: demand.id });
  if (template === 'replied') await noticeMergedResidents(a, demand);
}

/**
 * The residents whose demands were merged into this one hear of its answer too, under their own
 * numbers, and may rate it (rate_merged) as its own resident does.
 */
async function noticeMergedResidents(a: ActionContext, survivor: DemandRow): Promise<void> {
  let parents = [survivor.id];
  for (let hop = 0; hop < 10 && parents.length; hop++) {
    const merged = await a.tx
      .select({ id: demands.id, number: demands.number, phone: demands.reporterPhone, channel: demands.channel })
      .from(demands)
      .where(and(inArray(demands.mergedIntoId, parents), eq(demands.state, 'merged')));
    for (const m of merged)
      if (m.phone && m.channel !== 'city12345' && m.channel !== 'import')
        await enqueueSms(a, {
          to: m.phone,
          template: 'merged_replied',
          params: { number: m.number, survivor: survivor.number },
          demandId: m.id,
        });
    parents = merged.map((m) => m.id);
  }
}

/**
 * A city work order's every step goes up to the city's 12345 as a signed webhook (the city tells
 * its caller): acknowledgement, reply, callback, closing, and the hand-offs in between.
 */
async function reportToCity(a: ActionContext, demand: DemandRow, action: DemandAction | 'attach'): Promise<void> {
  if (!demand.externalRef || action === 'attach') return;
  await enqueueWebhook(a, {
    endpoint: 'city12345',
    event: `demand.${action}`,
    demandId: demand.id,
    payload: {
      cityNumber: demand.externalRef,
      number: demand.number,
      action,
      state: demand.state,
      at: a.now.toISOString(),
      unitId: demand.unitId,
      replyText: action === 'reply' || action === 'answer_directly' ? demand.replyText : undefined,
      replyDueAt: demand.replyDueAt?.toISOString(),
      satisfaction: action === 'record_callback' ? demand.satisfaction : undefined,
      solved: action === 'record_callback' ? demand.solved : undefined,
    },
  });
}
