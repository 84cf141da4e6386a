import { eq, sql } from 'drizzle-orm';
import { queryRows } from '../../../db/rows.js';
import type { AppContext } from '../../../lib/context.js';
import { AppError } from '../../../lib/errors.js';
import { sha256 } from '../../accounts/store.js';
import type { Actor } from '../../accounts/actor.js';
import { getCategory } from '../../categories/store.js';
import { getRegion } from '../../regions/store.js';
import { mayAct } from '../policy.js';
import { formatDemandNumber, newQueryCode, normalizePhone } from '../numbering.js';
import { recordEvent, stageDeadline } from '../store.js';
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

export type RegisterDemandResult = { demand: DemandRow; queryCode: string | null; created: boolean };

/** A title for demands taken without one: the first clause of the content. */
export function titleFrom(content: string): string {
  const first = content.trim().split(/[。！？!?\n]/)[0] ?? '';
  return (first.length > 40 ? `${first.slice(0, 40)}…` : first) || content.trim().slice(0, 40);
}

export async function registerDemand(ctx: AppContext, opts: RegisterDemandOptions): Promise<RegisterDemandResult> {
  const phone = opts.reporterPhone ? normalizePhone(opts.reporterPhone) : null;
  if (!phone && !opts.reporterContact?.trim()) {
    throw new AppError('request.invalid', {
      zh: '请留下手机号；没有手机的居民请填写联系方式（如社区联系人）。',
      en: 'Give a phone number, or for a resident without one, another way to reach them (e.g. the community contact).',
      details: { fields: ['reporterPhone', 'reporterContact'] },
    });
  }
  const now = ctx.now();
  return ctx.db.transaction(async (tx) => {
    if (opts.idempotencyKey) {
      const [existing] = await tx.select().from(demands).where(eq(demands.idempotencyKey, opts.idempotencyKey));
      if (existing) return { demand: existing, queryCode: null, created: false };
    }
    const region = await getRegion(tx, opts.regionId);
    if (!region) throw new AppError('validation.reference', { zh: '所选区域不存在。', en: 'The chosen region does not exist.', details: { regionId: opts.regionId } });
    if (!mayAct(opts.actor, 'register', { regionPath: region.path, unitId: null })) throw new AppError('auth.forbidden');
    if (opts.categoryId && !(await getCategory(tx, opts.categoryId))) {
      throw new AppError('validation.reference', { zh: '所选分类不存在。', en: 'The chosen category does not exist.', details: { categoryId: opts.categoryId } });
    }
    const [{ seq }] = await queryRows<{ seq: number }>(tx, sql`select nextval('demand_number_seq')::int as seq`);
    const queryCode = newQueryCode();
    const base = { urgency: opts.urgency ?? 'normal', complex: false, categoryId: opts.categoryId ?? null } as const;
    const stageDueAt = await stageDeadline(ctx, tx, 'dispatch', base, now);
    const inserted = await tx
      .insert(demands)
      .values({
        number: formatDemandNumber(now, seq),
        queryCodeHash: sha256(queryCode),
        channel: opts.channel,
        type: opts.type,
        state: 'registered',
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
        categoryId: base.categoryId,
        urgency: base.urgency,
        registeredBy: opts.actor.kind === 'user' ? opts.actor.userId : null,
        idempotencyKey: opts.idempotencyKey ?? null,
        stageDueAt,
        createdAt: now,
        updatedAt: now,
      })
      .onConflictDoNothing({ target: demands.idempotencyKey })
      .returning();
    const demand = inserted[0];
    if (!demand) {
      // Another request with the same key committed first: answer with its demand.
      const [existing] = await tx.select().from(demands).where(eq(demands.idempotencyKey, opts.idempotencyKey!));
      return { demand: existing, queryCode: null, created: false };
    }
    await recordEvent(tx, { demand, actor: opts.actor, action: 'register', fromState: null, to: 'registered', at: now, data: { channel: opts.channel } });
    return { demand, queryCode, created: true };
  });
}
