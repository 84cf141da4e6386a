import { and, eq } from 'drizzle-orm';
import { type ActionContext, audit, organisesIn } from '../../../kernel/index.js';
import { AppError } from '../../../lib/errors.js';
import { getSetting } from '../../settings/index.js';
import { moderatedSource } from '../registry.js';
import { type ModeratedKind, moderationStates } from '../tables.js';

async function locate(a: ActionContext, kind: ModeratedKind, id: number) {
  const item = await moderatedSource(kind)?.locate(a.tx, id);
  if (!item || !organisesIn(a.actor, item.regionPath)) throw new AppError('not_found', { details: { kind, id } });
  return item;
}

async function decide(
  a: ActionContext,
  kind: ModeratedKind,
  id: number,
  state: 'hidden' | 'redacted',
  reason: string,
  shown: string | null,
) {
  const item = await locate(a, kind, id);
  const row = { kind, refId: id, state, reason, original: item.text, shown, regionPath: item.regionPath, updatedAt: a.now };
  await a.tx
    .insert(moderationStates)
    .values(row)
    .onConflictDoUpdate({ target: [moderationStates.kind, moderationStates.refId], set: { state, reason, shown, updatedAt: a.now } });
  await audit(a, { resource: kind, resourceId: id, action: state === 'hidden' ? 'hide' : 'redact', regionPath: item.regionPath, reason });
  await moderatedSource(kind)?.tellAuthor?.(a, id, { state, reason });
}

/** A moderator takes an item down; the public sees that it was hidden and why. */
export const hideItem = (a: ActionContext, o: { kind: ModeratedKind; id: number; reason: string }) =>
  decide(a, o.kind, o.id, 'hidden', o.reason, null);

/** A moderator removes a passage (an advertisement, a name); the rest stays published. */
export async function redactItem(a: ActionContext, o: { kind: ModeratedKind; id: number; passage: string; reason: string }) {
  const item = await locate(a, o.kind, o.id);
  if (!item.text.includes(o.passage)) {
    throw new AppError('request.invalid', { zh: '要删除的文字不在原文中。', en: 'The passage to remove is not in the text.' });
  }
  await decide(a, o.kind, o.id, 'redacted', o.reason, item.text.split(o.passage).join('〔已删除〕'));
}

/** The item is published as written again (a held item approved, a hidden one restored). */
export async function restoreItem(a: ActionContext, o: { kind: ModeratedKind; id: number }) {
  const item = await locate(a, o.kind, o.id);
  const removed = await a.tx
    .delete(moderationStates)
    .where(and(eq(moderationStates.kind, o.kind), eq(moderationStates.refId, o.id)))
    .returning();
  if (!removed.length) {
    a.unchanged();
    return;
  }
  await audit(a, { resource: o.kind, resourceId: o.id, action: 'restore', regionPath: item.regionPath });
}

/**
 * At submission, inside the submitting action: text with a word from the admins' list is held for
 * review instead of being published at once.
 */
export async function screenSubmission(a: ActionContext, o: { kind: ModeratedKind; id: number; text: string; regionPath: string }) {
  const words = (await getSetting(a.tx, 'moderation.sensitiveWords')) as string[];
  const hits = words.filter((w) => w && o.text.includes(w));
  if (!hits.length) return;
  const reason = `含敏感词，待审核：${hits.join('、')}`;
  await a.tx.insert(moderationStates).values({
    kind: o.kind,
    refId: o.id,
    state: 'held',
    reason,
    original: o.text,
    shown: null,
    regionPath: o.regionPath,
    updatedAt: a.now,
  });
  await audit(a, { resource: o.kind, resourceId: o.id, action: 'hold', regionPath: o.regionPath, reason });
}
