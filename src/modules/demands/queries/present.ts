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

/** `scope` carries the units helping or asked now, where the caller has read them (a demand's page). */
export function presentDemand(actor: Actor, row: DemandJoined, now: Date, scope?: DemandScope): DemandSummaryView {
  const d = row.demand;
  const showPhone = maySeePhone(actor, scope ?? { regionPath: row.regionPath, unitId: d.unitId });
  const overdue = !isTerminal(d.state) && d.stageDueAt !== null && d.stageDueAt < now;
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
    reporterPhone: showPhone ? d.reporterPhone : maskPhone(d.reporterPhone),
    reporterContact: showPhone ? d.reporterContact : d.reporterContact ? '***' : null,
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
