import { eq } from 'drizzle-orm';
import { type ActionContext, enqueueSms, type SmsTemplate } from '../../kernel/index.js';
import { units } from '../regions/index.js';
import type { DemandAction } from './lifecycle.js';
import type { DemandRow } from './tables.js';

/**
 * What the resident is told by SMS after each step (the receipt is written by intake itself).
 * Internal hand-offs (acknowledge, return, extensions, supervision) are not the resident's news.
 */
export const residentNotices: Partial<Record<DemandAction, SmsTemplate>> = {
  dispatch: 'dispatched',
  reply: 'replied',
  answer_directly: 'replied',
  reopen: 'reopened',
  close: 'closed',
};

/** Queues the notice for this step, if the step has one and the resident left a phone. */
export async function noticeResident(a: ActionContext, demand: DemandRow, action: DemandAction | 'attach'): Promise<void> {
  const template = action === 'attach' ? undefined : residentNotices[action];
  if (!template || !demand.reporterPhone) return;
  const params: Record<string, string> = { number: demand.number };
  if (template === 'dispatched') {
    const [unit] = demand.unitId ? await a.tx.select({ name: units.name }).from(units).where(eq(units.id, demand.unitId)) : [];
    params.unit = unit?.name ?? '承办单位';
  }
  await enqueueSms(a, { to: demand.reporterPhone, template, params, demandId: demand.id });
}
