import { type ActionContext, audit, staffActor } from '../../../kernel/index.js';
import { deleteSession } from '../store.js';

export async function endSession(a: ActionContext, opts: { sessionId: string }) {
  const user = staffActor(a.actor);
  await deleteSession(a.tx, opts.sessionId);
  await audit(a, { resource: 'user', resourceId: user.userId, action: 'sign_out' });
}
