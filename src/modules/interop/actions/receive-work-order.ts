import { type ActionContext, enqueueWebhook } from '../../../kernel/index.js';
import { AppError } from '../../../lib/errors.js';
import { categoryIdByFullName } from '../../categories/index.js';
import { demandNumberByExternalRef, type demandTypes, registerDemandFrom, type urgencies } from '../../demands/index.js';
import { regionIdByCode } from '../../regions/index.js';

export type WorkOrder = {
  cityNumber: string;
  receivedAt: Date;
  dueAt: Date;
  type: (typeof demandTypes)[number];
  title?: string;
  content: string;
  reporterName?: string;
  reporterPhone?: string;
  regionCode: string;
  categoryName?: string;
  urgency?: (typeof urgencies)[number];
  address?: string;
  latitude?: number;
  longitude?: number;
};

/**
 * 市级转派: a work order from the city's 12345 becomes a demand here, with the city's number and
 * deadline; the city hears "accepted" with our number. The same order sent again (a retry after a
 * lost answer) returns the demand already made.
 */
export async function receiveWorkOrder(a: ActionContext, o: WorkOrder): Promise<{ number: string; created: boolean }> {
  const existing = await demandNumberByExternalRef(a.tx, 'city12345', o.cityNumber);
  if (existing !== null) {
    a.unchanged();
    return { number: existing, created: false };
  }
  if (o.dueAt <= o.receivedAt)
    throw new AppError('request.invalid', {
      zh: '办结时限须晚于接收时间。',
      en: 'dueAt must be after receivedAt.',
      details: { fields: ['dueAt'] },
    });
  const regionId = await regionIdByCode(a.tx, o.regionCode);
  if (regionId === null)
    throw new AppError('validation.reference', {
      zh: `区域代码 ${o.regionCode} 不存在。`,
      en: `No region has the code ${o.regionCode}.`,
      details: { regionCode: o.regionCode },
    });
  const categoryId = o.categoryName ? await categoryIdByFullName(a.tx, o.categoryName) : null;
  const { demand } = await registerDemandFrom(a, 'city12345', {
    type: o.type,
    title: o.title,
    content: o.content,
    reporterName: o.reporterName,
    reporterPhone: o.reporterPhone,
    reporterContact: o.reporterPhone ? null : `市12345工单 ${o.cityNumber}`,
    regionId,
    address: o.address,
    latitude: o.latitude,
    longitude: o.longitude,
    // An unknown category name is not a refusal: the dispatcher sets it, as for a phone call.
    categoryId,
    urgency: o.urgency,
    externalRef: o.cityNumber,
    externalDueAt: o.dueAt,
  });
  await enqueueWebhook(a, {
    endpoint: 'city12345',
    event: 'work_order.accepted',
    demandId: demand.id,
    payload: {
      cityNumber: o.cityNumber,
      number: demand.number,
      action: 'accept',
      state: demand.state,
      at: a.now.toISOString(),
      cityReceivedAt: o.receivedAt.toISOString(),
      dueAt: o.dueAt.toISOString(),
    },
  });
  return { number: demand.number, created: true };
}
