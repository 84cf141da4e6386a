import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { type ActionContext, actorUserId, audit, isAdmin } from '../../../kernel/index.js';
import { AppError } from '../../../lib/errors.js';
import { sha256 } from '../../../lib/hash.js';
import { cachedRegion } from '../../regions/index.js';
import { open311Keys } from '../tables.js';

/** A new key, shown once: the caller must keep it; we keep its hash. */
export async function issueKey(a: ActionContext, opts: { name: string; regionId: number }) {
  if (!isAdmin(a.actor)) throw new AppError('auth.forbidden');
  const region = await cachedRegion(a.tx, a.app.db, opts.regionId);
  if (!region) throw new AppError('validation.reference', { zh: '所选区域不存在。', en: 'The chosen region does not exist.' });
  const apiKey = `o311_${randomBytes(24).toString('base64url')}`;
  const [row] = await a.tx
    .insert(open311Keys)
    .values({ name: opts.name, keyHash: sha256(apiKey), regionId: region.id, createdBy: actorUserId(a.actor), createdAt: a.now })
    .returning();
  await audit(a, { resource: 'open311_key', resourceId: row.id, action: 'issue', data: { name: row.name, regionId: row.regionId } });
  return { id: row.id, name: row.name, apiKey };
}

export async function revokeKey(a: ActionContext, opts: { id: number }) {
  const [row] = await a.tx.select().from(open311Keys).where(eq(open311Keys.id, opts.id)).for('update');
  if (!row) throw new AppError('not_found');
  if (!isAdmin(a.actor)) throw new AppError('auth.forbidden');
  if (row.revokedAt) throw new AppError('conflict.duplicate', { zh: '该密钥已被吊销。', en: 'This key is already revoked.' });
  await a.tx.update(open311Keys).set({ revokedAt: a.now }).where(eq(open311Keys.id, row.id));
  await audit(a, { resource: 'open311_key', resourceId: row.id, action: 'revoke', data: { name: row.name } });
}
