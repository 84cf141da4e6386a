import { and, eq, isNull, ne } from 'drizzle-orm';
import { type ActionContext, announceChange, audit, isAdmin, requireAdmin, staffActor } from '../../../kernel/index.js';
import { AppError } from '../../../lib/errors.js';
import { hashPassword, verifyPassword } from '../password.js';
import { sha256 } from '../store.js';
import { apiTokens, sessions, users } from '../tables.js';

const tooShort = () => new AppError('request.invalid', { zh: '密码至少 8 位。', en: 'The password needs at least 8 characters.' });

async function loadUser(a: ActionContext, userId: number) {
  const [user] = await a.tx.select().from(users).where(eq(users.id, userId)).for('update');
  if (!user) throw new AppError('not_found', { details: { userId } });
  return user;
}

/** A user changes their own password (the current one proves it is them); their other sessions end. */
export async function changePassword(a: ActionContext, opts: { currentPassword: string; newPassword: string; sessionId?: string | null }) {
  const me = staffActor(a.actor);
  if (opts.newPassword.length < 8) throw tooShort();
  const user = await loadUser(a, me.userId);
  if (!(await verifyPassword(opts.currentPassword, user.passwordHash))) {
    throw new AppError('auth.invalid_credentials', { zh: '当前密码不正确。', en: 'The current password is wrong.' });
  }
  await a.tx
    .update(users)
    .set({ passwordHash: await hashPassword(opts.newPassword), mustChangePassword: false })
    .where(eq(users.id, user.id));
  const keep = opts.sessionId ? ne(sessions.idHash, sha256(opts.sessionId)) : undefined;
  await a.tx.delete(sessions).where(and(eq(sessions.userId, user.id), keep));
  await audit(a, { resource: 'user', resourceId: user.id, action: 'change_password' });
  await announceChange(a, 'callers');
}

/** Admin: a new password for someone who forgot theirs; they must change it at their next sign-in. */
export async function resetPassword(a: ActionContext, opts: { userId: number; password: string }) {
  requireAdmin(a.actor);
  if (opts.password.length < 8) throw tooShort();
  const user = await loadUser(a, opts.userId);
  await a.tx
    .update(users)
    .set({ passwordHash: await hashPassword(opts.password), mustChangePassword: true })
    .where(eq(users.id, user.id));
  await a.tx.delete(sessions).where(eq(sessions.userId, user.id));
  await audit(a, { resource: 'user', resourceId: user.id, action: 'reset_password' });
  await announceChange(a, 'callers');
}

/** Admin: disable (sessions end and tokens stop at once) or enable an account; never deleted, so its trail stays whole. */
export async function setUserDisabled(a: ActionContext, opts: { userId: number; disabled: boolean }) {
  const admin = requireAdmin(a.actor);
  if (opts.disabled && opts.userId === admin.userId) {
    throw new AppError('request.invalid', { zh: '不能停用自己的账号。', en: 'You cannot disable your own account.' });
  }
  const user = await loadUser(a, opts.userId);
  await a.tx
    .update(users)
    .set({ disabledAt: opts.disabled ? (user.disabledAt ?? a.now) : null })
    .where(eq(users.id, user.id));
  if (opts.disabled) await a.tx.delete(sessions).where(eq(sessions.userId, user.id));
  await audit(a, { resource: 'user', resourceId: user.id, action: opts.disabled ? 'disable' : 'enable' });
  // Every process drops the callers it remembers: the account stops at once everywhere, not within 5 s.
  await announceChange(a, 'callers');
  return user;
}

/** Admin: lifts a sign-in lock after repeated failures (the route clears the counter after commit). */
export async function unlockUser(a: ActionContext, opts: { userId: number }) {
  requireAdmin(a.actor);
  const user = await loadUser(a, opts.userId);
  await audit(a, { resource: 'user', resourceId: user.id, action: 'unlock' });
  return user;
}

/** Revokes a token: its owner may, and admins may revoke anyone's. */
export async function revokeApiToken(a: ActionContext, opts: { tokenId: number }) {
  const me = staffActor(a.actor);
  const [token] = await a.tx.select().from(apiTokens).where(eq(apiTokens.id, opts.tokenId)).for('update');
  const admin = isAdmin(me);
  if (!token || (token.userId !== me.userId && !admin)) throw new AppError('not_found', { details: { tokenId: opts.tokenId } });
  const [revoked] = await a.tx
    .update(apiTokens)
    .set({ revokedAt: a.now })
    .where(and(eq(apiTokens.id, token.id), isNull(apiTokens.revokedAt)))
    .returning();
  if (!revoked) {
    a.unchanged();
    return;
  }
  await audit(a, { resource: 'user', resourceId: token.userId, action: 'revoke_token', data: { tokenId: token.id, name: token.name } });
  await announceChange(a, 'callers');
}
