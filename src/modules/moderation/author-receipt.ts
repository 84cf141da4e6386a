import { randomBytes } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { ActionContext, Reader } from '../../kernel/index.js';
import { sha256 } from '../../lib/hash.js';
import { authorReceipts, type ModeratedKind, moderationStates } from './tables.js';

/** Inside the submitting action: the token its author keeps to follow what moderators decide. */
export async function issueAuthorReceipt(a: ActionContext, o: { kind: ModeratedKind; id: number }): Promise<string> {
  const token = randomBytes(18).toString('base64url');
  await a.tx.insert(authorReceipts).values({ kind: o.kind, refId: o.id, tokenHash: sha256(token), createdAt: a.now });
  return token;
}

export type AuthorView = { state: 'published' | 'held' | 'hidden' | 'redacted'; reason: string | null; shown: string | null };

/**
 * What the author may know of their own item: held for review, hidden or redacted, and why. A wrong
 * token and an unknown item look the same (null).
 */
export async function authorView(db: Reader, o: { kind: ModeratedKind; id: number; token: string }): Promise<AuthorView | null> {
  const [row] = await db
    .select({
      tokenHash: authorReceipts.tokenHash,
      state: moderationStates.state,
      reason: moderationStates.reason,
      shown: moderationStates.shown,
    })
    .from(authorReceipts)
    .leftJoin(moderationStates, and(eq(moderationStates.kind, authorReceipts.kind), eq(moderationStates.refId, authorReceipts.refId)))
    .where(and(eq(authorReceipts.kind, o.kind), eq(authorReceipts.refId, o.id)));
  if (!row || row.tokenHash !== sha256(o.token)) return null;
  if (!row.state) return { state: 'published', reason: null, shown: null };
  // A held item's reason names the listed words it matched: the list stays the moderators'.
  return { state: row.state, reason: row.state === 'held' ? null : row.reason, shown: row.shown };
}
