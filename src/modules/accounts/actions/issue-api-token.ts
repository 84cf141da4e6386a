import { type ActionContext, audit, staffActor } from '../../../kernel/index.js';
import { createApiToken } from '../store.js';

/** A bearer token for an integration, acting as its user; the trail names it, never the token. */
export async function issueApiToken(a: ActionContext, opts: { name: string }) {
  const user = staffActor(a.actor);
  const token = await createApiToken(a.tx, user.userId, opts.name);
  await audit(a, { resource: 'user', resourceId: user.userId, action: 'issue_token', data: { name: opts.name } });
  return token;
}
