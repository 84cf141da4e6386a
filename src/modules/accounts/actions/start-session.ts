import { type ActionContext, audit, staffActor } from '../../../kernel/index.js';
import { createSession } from '../store.js';

/** Signing in (the password was checked before): a session, and the sign-in in the trail. */
export async function startSession(a: ActionContext, _input: Record<string, never>) {
  const user = staffActor(a.actor);
  const session = await createSession(a.tx, user.userId);
  await audit(a, { resource: 'user', resourceId: user.userId, action: 'sign_in' });
  return session;
}
