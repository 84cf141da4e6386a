import { eq, sql } from 'drizzle-orm';
import { queryRows } from '../../../db/rows.js';
import type { AppContext } from '../../../lib/context.js';
import { AppError } from '../../../lib/errors.js';
import { type Actor, actorUserId } from '../../accounts/actor.js';
import { sha256 } from '../../accounts/store.js';
import { cachedCategory, cachedRegion } from '../../regions/cache.js';
import { bandKeys, signature, signatureToBuffer } from '../../text/minhash.js';
import { demandNumberPrefix, newQueryCode, normalizePhone } from '../numbering.js';
import { mayAct } from '../policy.js';
import { stageDeadline } from '../store.js';
import { type Channel, type DemandRow, type DemandType, demands, type Urgency } from '../tables.js';

export type RegisterDemandOptions = {
  actor: Actor;
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
};

export type RegisterDemandResult = {
  demand: DemandRow;
  queryCode: string | null;
  created: boolean;
  /** What a presenter needs besides the row, so intake answers without reading it back. */
  labels?: { regionName: string; regionPath: string; categoryName: string | null };
};

/** A title for demands taken without one: the first clause of the content. */
export function titleFrom(content: string): string {
  const first = content.trim().split(/[。！？!?\n]/)[0] ?? '';
  return (first.length > 40 ? `${first.slice(0, 40)}…` : first) || content.trim().slice(0, 40);
}

const existingByKey = async (ctx: AppContext, key: string) => {
  const [existing] = await ctx.db.select().from(demands).where(eq(demands.idempotencyKey, key));
  return existing;
};

/**
 * 受理. Intake is the busiest write, so the demand and its "register" event go in as one
 * statement (a data-modifying CTE): atomic without a transaction block, one round trip.
 */
export async function registerDemand(ctx: AppContext, opts: RegisterDemandOptions): Promise<RegisterDemandResult> {
  const phone = opts.reporterPhone ? normalizePhone(opts.reporterPhone) : null;
  if (!phone && !opts.reporterContact?.trim()) {
    throw new AppError('request.invalid', {
      zh: '请留下手机号；没有手机的居民请填写联系方式（如社区联系人）。',
      en: 'Give a phone number, or for a resident without one, another way to reach them (e.g. the community contact).',
      details: { fields: ['reporterPhone', 'reporterContact'] },
    });
  }
  if (opts.idempotencyKey) {
    const existing = await existingByKey(ctx, opts.idempotencyKey);
    if (existing) return { demand: existing, queryCode: null, created: false };
  }
  const region = await cachedRegion(ctx.db, ctx.db, opts.regionId);
  if (!region) throw new AppError('validation.reference', { zh: '所选区域不存在。', en: 'The chosen region does not exist.', details: { regionId: opts.regionId } });
  if (!mayAct(opts.actor, 'register', { regionPath: region.path, unitId: null })) throw new AppError('auth.forbidden');
  const category = opts.categoryId ? await cachedCategory(ctx.db, ctx.db, opts.categoryId) : null;
  if (opts.categoryId && !category) {
    throw new AppError('validation.reference', { zh: '所选分类不存在。', en: 'The chosen category does not exist.', details: { categoryId: opts.categoryId } });
  }

  const now = ctx.now();
  const queryCode = newQueryCode();
  const urgency = opts.urgency ?? 'normal';
  const stageDueAt = await stageDeadline(ctx, ctx.db, 'dispatch', { urgency, complex: false, categoryId: category?.id ?? null }, now, category);
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
    registeredBy: actorUserId(opts.actor),
    idempotencyKey: opts.idempotencyKey ?? null,
    stageDueAt,
  };
  const at = now.toISOString();
  // The near-duplicate signature and its LSH keys are written with the demand (text module).
  const minhash = signature(`${row.title} ${row.content}`);
  const lsh = sql`array[${sql.join(bandKeys(minhash).map((h) => sql`${h}`), sql`, `)}]::int[]`;
  const inserted = await queryRows<{ id: number; number: string }>(
    ctx.db,
    sql`with d as (
          insert into demands (number, query_code_hash, channel, type, state, title, content, reporter_name, reporter_phone,
                               reporter_contact, anonymous, region_id, address, latitude, longitude, category_id, urgency,
                               registered_by, idempotency_key, stage_due_at, minhash, lsh, created_at, updated_at)
          values (${demandNumberPrefix(now)} || lpad(nextval('demand_number_seq')::text, 6, '0'), ${row.queryCodeHash}, ${row.channel},
                  ${row.type}, 'registered', ${row.title}, ${row.content}, ${row.reporterName}, ${row.reporterPhone},
                  ${row.reporterContact}, ${row.anonymous}, ${row.regionId}, ${row.address}, ${row.latitude}, ${row.longitude},
                  ${row.categoryId}, ${row.urgency}, ${row.registeredBy}, ${row.idempotencyKey}, ${stageDueAt.toISOString()}::timestamptz,
                  ${signatureToBuffer(minhash)}, ${lsh}, ${at}::timestamptz, ${at}::timestamptz)
          on conflict (idempotency_key) do nothing
          returning id, number),
        e as (
          insert into demand_events (demand_id, action, from_state, to_state, actor_kind, actor_user_id, data, at)
          select id, 'register', null, 'registered', ${opts.actor.kind}, ${row.registeredBy}, ${JSON.stringify({ channel: opts.channel })}::jsonb, ${at}::timestamptz
            from d)
        select id::int as id, number from d`,
  );
  if (inserted.length === 0) {
    // Another request with the same key committed first: answer with its demand.
    return { demand: (await existingByKey(ctx, opts.idempotencyKey!))!, queryCode: null, created: false };
  }
  const demand: DemandRow = {
    ...row,
    id: Number(inserted[0].id),
    number: inserted[0].number,
    complex: false,
    unitId: null,
    replyDueAt: null,
    supervised: false,
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
  return { demand, queryCode, created: true, labels: { regionName: region.name, regionPath: region.path, categoryName: category?.fullName ?? null } };
}
