import { eq, sql } from 'drizzle-orm';
import { insertParts } from '../../../db/insert-sql.js';
import { queryRows } from '../../../db/rows.js';
import {
  type ActionContext,
  actorUserId,
  auditEvents,
  auditRow,
  publishSql,
  receiptSmsSql,
  singleStatement,
} from '../../../kernel/index.js';
import { AppError } from '../../../lib/errors.js';
import { sha256 } from '../../../lib/hash.js';
import { bandKeys, signature, signatureToBuffer } from '../../../lib/minhash.js';
import { placeDemand } from '../../gazetteer/placing.js';
import { cachedCategory, cachedRegion } from '../../regions/index.js';
import { installationSecret } from '../../settings/index.js';
import { formatDemandNumber, newQueryCode, normalizePhone } from '../numbering.js';
import { mayAct } from '../policy.js';
import { stageDeadline } from '../store.js';
import { type Channel, type DemandRow, type DemandType, demandEvents, demands, type Urgency } from '../tables.js';

export type RegisterDemandOptions = {
  channel: Channel;
  type: DemandType;
  title?: string | null;
  content: string;
  reporterName?: string | null;
  reporterPhone?: string | null;
  reporterContact?: string | null;
  anonymous?: boolean;
  regionId: number;
  address?: string | null;
  latitude?: number | null;
  longitude?: number | null;
  categoryId?: number | null;
  urgency?: Urgency;
  idempotencyKey?: string | null;
  externalRef?: string | null;
  externalDueAt?: Date | null;
};

export type RegisterDemandResult = {
  demand: DemandRow;
  queryCode: string | null;
  created: boolean;
  /** What a presenter needs besides the row, so intake answers without reading it back. */
  labels?: { regionName: string; regionPath: string; categoryName: string | null };
  /** How the gazetteer narrowed the given region, when it did. */
  placed?: { by: 'coordinates' | 'words'; match: string | null } | null;
};

/** A title for demands taken without one: the first clause of the content. */
export function titleFrom(content: string): string {
  const first = content.trim().split(/[。！？!?\n]/)[0] ?? '';
  return (first.length > 40 ? `${first.slice(0, 40)}…` : first) || content.trim().slice(0, 40);
}

const existingByKey = async (a: ActionContext, key: string) => {
  const [existing] = await a.tx.select().from(demands).where(eq(demands.idempotencyKey, key));
  return existing;
};

/** Whose key it is: a resident's keys live apart from each staff member's and the system's. */
const keyScope = (actor: ActionContext['actor']) => (actor.kind === 'user' ? `u${actor.userId}` : actor.kind);

/** What makes two requests the same request (everything the resident or clerk typed). */
const requestFingerprint = (o: RegisterDemandOptions) => [
  o.channel,
  o.type,
  o.title ?? null,
  o.content,
  o.reporterName ?? null,
  o.reporterPhone ? normalizePhone(o.reporterPhone) : null,
  o.reporterContact ?? null,
  o.anonymous ?? false,
  o.regionId,
  o.address ?? null,
  o.latitude ?? null,
  o.longitude ?? null,
  o.categoryId ?? null,
  o.urgency ?? null,
];

/**
 * 受理. Intake is the busiest write, so the demand and its "register" event go in as one
 * statement (a data-modifying CTE): atomic without a transaction block, one round trip.
 */
export const registerDemand = singleStatement(async function registerDemand(
  a: ActionContext,
  opts: RegisterDemandOptions,
): Promise<RegisterDemandResult> {
  const phone = opts.reporterPhone ? normalizePhone(opts.reporterPhone) : null;
  if (!phone && !opts.reporterContact?.trim()) {
    throw new AppError('request.invalid', {
      zh: '请留下手机号；没有手机的居民请填写联系方式（如社区联系人）。',
      en: 'Give a phone number, or for a resident without one, another way to reach them (e.g. the community contact).',
      details: { fields: ['reporterPhone', 'reporterContact'] },
    });
  }
  const scopedKey = opts.idempotencyKey ? `${keyScope(a.actor)}:${opts.idempotencyKey}` : null;
  const requestHash = sha256(JSON.stringify(requestFingerprint(opts)));
  const replay = async (): Promise<RegisterDemandResult | null> => {
    const existing = scopedKey ? await existingByKey(a, scopedKey) : undefined;
    if (!existing) return null;
    // The same key with another request reveals nothing about the first one.
    if (existing.requestHash !== requestHash) throw new AppError('idempotency.mismatch');
    a.unchanged();
    return { demand: existing, queryCode: null, created: false };
  };
  const earlier = await replay();
  if (earlier) return earlier;
  // Every channel comes through here: coordinates or words narrow a coarse region to its community.
  const placed = await placeDemand(a.tx, a.app.db, {
    regionId: opts.regionId,
    latitude: opts.latitude,
    longitude: opts.longitude,
    address: opts.address,
    text: `${opts.title ?? ''} ${opts.content}`,
  });
  const region = await cachedRegion(a.tx, a.app.db, placed?.regionId ?? opts.regionId);
  if (!region)
    throw new AppError('validation.reference', {
      zh: '所选区域不存在。',
      en: 'The chosen region does not exist.',
      details: { regionId: opts.regionId },
    });
  if (!mayAct(a.actor, 'register', { regionPath: region.path, unitId: null })) throw new AppError('auth.forbidden');
  const category = opts.categoryId ? await cachedCategory(a.tx, a.app.db, opts.categoryId) : null;
  if (opts.categoryId && !category) {
    throw new AppError('validation.reference', {
      zh: '所选分类不存在。',
      en: 'The chosen category does not exist.',
      details: { categoryId: opts.categoryId },
    });
  }

  const { now } = a;
  const queryCode = newQueryCode();
  const urgency = opts.urgency ?? 'normal';
  const stageDueAt = await stageDeadline(
    a.app,
    a.tx,
    'dispatch',
    { urgency, complex: false, categoryId: category?.id ?? null },
    now,
    category,
  );
  const row = {
    queryCodeHash: sha256(queryCode),
    channel: opts.channel,
    type: opts.type,
    state: 'registered' as const,
    title: opts.title?.trim() || titleFrom(opts.content),
    content: opts.content,
    reporterName: opts.reporterName?.trim() || null,
    reporterPhone: phone,
    reporterContact: opts.reporterContact?.trim() || null,
    anonymous: opts.anonymous ?? false,
    regionId: region.id,
    address: opts.address ?? '',
    latitude: opts.latitude ?? null,
    longitude: opts.longitude ?? null,
    categoryId: category?.id ?? null,
    urgency,
    registeredBy: actorUserId(a.actor),
    idempotencyKey: scopedKey,
    externalRef: opts.externalRef ?? null,
    externalDueAt: opts.externalDueAt ?? null,
    requestHash: scopedKey ? requestHash : null,
    stageDueAt,
  };
  // The near-duplicate signature and its LSH keys are written with the demand (text module).
  const minhash = signature(`${row.title} ${row.content}`);
  const lsh = sql`array[${sql.join(
    bandKeys(minhash).map((h) => sql`${h}`),
    sql`, `,
  )}]::int[]`;
  const [{ seq }] = await queryRows<{ seq: string }>(a.tx, sql`select nextval('demand_number_seq')::text as seq`);
  const number = formatDemandNumber(now, Number(seq), await installationSecret(a.tx, 'demand-number'));
  const demandRow = insertParts(demands, {
    ...row,
    number,
    minhash: signatureToBuffer(minhash),
    lsh,
    createdAt: now,
    updatedAt: now,
  });
  const event = insertParts(demandEvents, {
    demandId: sql`d.id`,
    action: 'register',
    fromState: null,
    toState: 'registered',
    actorKind: a.actor.kind,
    actorUserId: row.registeredBy,
    data: placed
      ? { channel: opts.channel, placed: { by: placed.by, match: placed.match, from: opts.regionId } }
      : { channel: opts.channel },
    at: now,
  });
  const trail = insertParts(auditEvents, {
    ...auditRow(a, { resource: 'demand', resourceId: 0, action: 'register', data: { to: 'registered', channel: opts.channel } }),
    resourceId: sql`d.id::text`,
    regionPath: region.path,
  });
  // The receipt SMS (number and query code) goes in the same statement: no demand without its receipt.
  // A work order from the city's 12345: the city speaks to its caller, we report to the city.
  const receipt = phone && opts.channel !== 'city12345' ? sql`, r as (${receiptSmsSql(phone, queryCode, now)})` : sql``;
  const inserted = await queryRows<{ id: number; number: string }>(
    a.tx,
    sql`with d as (
          insert into demands ${demandRow.columns} values (${demandRow.values})
          on conflict (idempotency_key) do nothing
          returning id, number),
        e as (insert into demand_events ${event.columns} select ${event.values} from d),
        t as (insert into audit_events ${trail.columns} select ${trail.values} from d),
        v as (${publishSql('demand.registered', sql`d.id`, { channel: opts.channel }, now)})${receipt}
        select id::int as id, number from d`,
  );
  // The statement wrote the audit event itself (t above).
  if (inserted.length > 0) a.markAudited();
  if (inserted.length > 0 && phone && opts.channel !== 'city12345') a.afterCommit(() => a.app.wakeOutbox?.());
  // demand.registered (v above): what follows intake — automatic dispatch — survives a crash.
  if (inserted.length > 0) a.afterCommit(() => a.app.wakeEvents?.());
  if (inserted.length === 0) {
    // Another request with the same key committed first: answer with its demand.
    a.unchanged();
    return (await replay())!;
  }
  const demand: DemandRow = {
    ...row,
    id: Number(inserted[0].id),
    number: inserted[0].number,
    complex: false,
    unitId: null,
    replyDueAt: null,
    supervised: false,
    supervisionLevel: null,
    reopenCount: 0,
    mergedIntoId: null,
    knowledgeArticleId: null,
    replyText: null,
    repliedAt: null,
    satisfaction: null,
    solved: null,
    closedAt: null,
    version: 1,
    minhash: signatureToBuffer(minhash),
    lsh: bandKeys(minhash),
    createdAt: now,
    updatedAt: now,
  };
  return {
    demand,
    queryCode,
    created: true,
    labels: { regionName: region.name, regionPath: region.path, categoryName: category?.fullName ?? null },
    placed: placed ? { by: placed.by, match: placed.match } : null,
  };
});
