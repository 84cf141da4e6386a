import type { Actor } from '../../../kernel/index.js';
import { isTerminal } from '../lifecycle.js';
import { type DemandScope, maskPhone, maySeePhone } from '../policy.js';
import type { DemandSummaryView } from '../schema.js';
import { runningStep } from '../stages.js';
import type { DemandRow } from '../tables.js';

export type DemandJoined = {
  demand: DemandRow;
  regionName: string;
  regionPath: string;
  categoryName: string | null;
  unitName: string | null;
};

import { iso } from '../../../lib/iso.js';

export { iso };

/** Late: still open, and the step it waits for is past its deadline. Shared by a demand's views and the list's exports. */
export function isOverdue(d: { state: DemandRow['state']; stageDueAt: Date | number | null }, now: Date): boolean {
  return !isTerminal(d.state) && d.stageDueAt !== null && d.stageDueAt.valueOf() < now.getTime();
}

/** The reporter's phone as shown to a caller who may see it or not (masked then): one rule for a demand's views and the exports. */
export const phoneAsShown = (phone: string | null, showPhone: boolean) => (showPhone ? phone : maskPhone(phone));

/** `scope` carries the units helping or asked now, where the caller has read them (a demand's page). */
export function presentDemand(actor: Actor, row: DemandJoined, now: Date, scope?: DemandScope): DemandSummaryView {
  const d = row.demand;
  const showPhone = maySeePhone(actor, scope ?? { regionPath: row.regionPath, unitId: d.unitId });
  const overdue = isOverdue(d, now);
  return {
    id: d.id,
    number: d.number,
    channel: d.channel,
    externalRef: d.externalRef,
    type: d.type,
    state: d.state,
    title: d.title,
    content: d.content,
    reporterName: d.reporterName,
    reporterPhone: phoneAsShown(d.reporterPhone, showPhone),
    reporterContact: showPhone ? d.reporterContact : d.reporterContact ? '***' : null,
    contactShown: showPhone,
    anonymous: d.anonymous,
    region: { id: d.regionId, name: row.regionName },
    address: d.address,
    latitude: d.latitude,
    longitude: d.longitude,
    category: d.categoryId && row.categoryName ? { id: d.categoryId, name: row.categoryName } : null,
    urgency: d.urgency,
    complex: d.complex,
    unit: d.unitId && row.unitName ? { id: d.unitId, name: row.unitName } : null,
    stageDueAt: iso(d.stageDueAt),
    replyDueAt: iso(d.replyDueAt),
    overdue,
    lateStep: overdue ? runningStep(d.state) : null,
    dueStep: d.stageDueAt ? runningStep(d.state) : null,
    supervised: d.supervised,
    supervisionLevel: d.supervisionLevel,
    reopenCount: d.reopenCount,
    mergedIntoId: d.mergedIntoId,
    replyText: d.replyText,
    repliedAt: iso(d.repliedAt),
    satisfaction: d.satisfaction,
    solved: d.solved,
    closedAt: iso(d.closedAt),
    version: d.version,
    createdAt: d.createdAt.toISOString(),
    updatedAt: d.updatedAt.toISOString(),
  };
}
