import { type ActionContext, audit, staffActor } from '../../../kernel/index.js';
import { createApiToken } from '../store.js';

/** A bearer token for an integration, acting as its user; the trail names it, never the token. */
export async function issueApiToken(a: ActionContext, opts: { name: string; expiresInDays?: number }) {
  const user = staffActor(a.actor);
  const expiresAt = opts.expiresInDays ? new Date(a.now.getTime() + opts.expiresInDays * 86_400_000) : null;
  const issued = await createApiToken(a.tx, user.userId, opts.name, expiresAt);
  await audit(a, {
    resource: 'user',
    resourceId: user.userId,
    action: 'issue_token',
    data: { tokenId: issued.id, name: opts.name, expiresAt },
  });
  return { ...issued, expiresAt };
}
