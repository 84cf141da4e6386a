import { eq } from 'drizzle-orm';
import { type ActionContext, audit, staffActor } from '../../../kernel/index.js';
import { createSession } from '../store.js';
import { users } from '../tables.js';

/** Signing in (the password was checked before): a session, the time of the sign-in, and the trail. */
export async function startSession(a: ActionContext, _input: Record<string, never>) {
  const user = staffActor(a.actor);
  const session = await createSession(a.tx, user.userId);
  await a.tx.update(users).set({ lastLoginAt: a.now }).where(eq(users.id, user.userId));
  await audit(a, { resource: 'user', resourceId: user.userId, action: 'sign_in' });
  return session;
}
