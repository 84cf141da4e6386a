import type { Db } from '../../../db/client.js';
import { redact } from '../../../lib/redact.js';
import { categoriesByIds } from '../../categories/index.js';
import { publicRequests } from '../../demands/index.js';
import { regionsByIds, unitsByIds } from '../../regions/index.js';
import { publicAddress } from '../people.js';
import { open311Requests } from '../tables.js';

const closedStates = ['closed', 'declined', 'withdrawn', 'merged'] as const;
const notes: Record<string, string> = { declined: '不予受理', withdrawn: '居民已撤回', merged: '已合并办理' };

export type RequestFilter = {
  ids?: string[];
  serviceCodes?: number[];
  start?: Date;
  end?: Date;
  status?: 'open' | 'closed';
  page: number;
  pageSize: number;
};

/** Map precision for the public: three decimals (about 100 m) shows the place, not the doorstep. */
const coarse = (v: number | null) => (v === null ? null : Math.round(v * 1000) / 1000);

/**
 * GET requests: what the public may see — answered demands (as on the portal's public list) and
 * those posted through Open311 — never names, phones or house numbers; texts masked on the way out.
 */
export async function listRequests(db: Db, f: RequestFilter) {
  const rows = await publicRequests(
    db,
    {
      numbers: f.ids,
      categoryIds: f.serviceCodes,
      from: f.start,
      to: f.end,
      states: f.status === 'closed' ? closedStates : undefined,
      notStates: f.status === 'open' ? closedStates : undefined,
      limit: f.pageSize,
      offset: (f.page - 1) * f.pageSize,
    },
    // Posted here: public before it is answered, with the picture and address_id as the integrator sent them.
    {
      table: open311Requests,
      demandId: open311Requests.demandId,
      fields: { mediaUrl: open311Requests.mediaUrl, addressId: open311Requests.addressId },
    },
  );
  // Named once the page is cut, each distinct region, category and unit read once: a probe per row in the query
  // would be made for every row a deep page skips too.
  const distinct = (ids: (number | null)[]) => [...new Set(ids.filter((id): id is number => id !== null))];
  const byId = <T extends { id: number }>(found: T[]) => new Map(found.map((x) => [x.id, x]));
  const [regionsById, categoriesById, unitsById] = await Promise.all([
    regionsByIds(db, distinct(rows.map(({ d }) => d.regionId))).then(byId),
    categoriesByIds(db, distinct(rows.map(({ d }) => d.categoryId))).then(byId),
    unitsByIds(db, distinct(rows.map(({ d }) => d.unitId))).then(byId),
  ]);
  return rows.map(({ d, text, mediaUrl, addressId }) => {
    const names = [d.reporterName];
    const { name: region, code: regionCode } = regionsById.get(d.regionId)!;
    const category = d.categoryId === null ? null : (categoriesById.get(d.categoryId)?.name ?? null);
    const unit = d.unitId === null ? null : (unitsById.get(d.unitId)?.name ?? null);
    const isClosed = (closedStates as readonly string[]).includes(d.state);
    return {
      service_request_id: d.number,
      status: isClosed ? 'closed' : 'open',
      status_notes: text.replyText ?? notes[d.state] ?? null,
      service_name: category,
      service_code: d.categoryId === null ? null : String(d.categoryId),
      description: text.content,
      agency_responsible: unit,
      service_notice: null,
      requested_datetime: d.createdAt.toISOString(),
      updated_datetime: d.updatedAt.toISOString(),
      // The promised completion: the reply deadline (set at dispatch), not the deadline of the step it waits on.
      expected_datetime: d.replyDueAt?.toISOString() ?? null,
      // As posted (house numbers left out), else the community the request was placed in.
      address: (d.address && redact(publicAddress(d.address), { names })) || region,
      address_id: addressId ?? regionCode,
      zipcode: null,
      lat: coarse(d.latitude),
      long: coarse(d.longitude),
      media_url: mediaUrl,
    };
  });
}
