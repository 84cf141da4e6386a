import { randomBytes } from 'node:crypto';
import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.js';
import type { Grant, UserActor } from '../../kernel/index.js';
import { regionOf } from '../regions/index.js';
import { apiTokens, sessions, userRoles, users } from './tables.js';

export const sessionTtlMs = 12 * 60 * 60 * 1000;

import { sha256 } from '../../lib/hash.js';

export { sha256 };

export async function loadActor(db: Db, userId: number): Promise<UserActor | null> {
  const [user] = await db.select().from(users).where(eq(users.id, userId));
  if (!user || user.disabledAt) return null;
  const rows = await db
    // Null for a grant with no region (a handler's, or installation-wide), as the left join this replaces gave.
    .select({ role: userRoles.role, unitId: userRoles.unitId, regionPath: regionOf(userRoles.regionId).path.as<string | null>() })
    .from(userRoles)
    .where(eq(userRoles.userId, userId));
  const grants: Grant[] = rows.map((r) => ({ role: r.role, unitId: r.unitId, regionPath: r.regionPath ?? null }));
  return {
    kind: 'user',
    userId: user.id,
    username: user.username,
    displayName: user.displayName,
    grants,
    ...(user.mustChangePassword ? { mustChangePassword: true } : {}),
  };
}

export async function createSession(db: Db | Tx, userId: number): Promise<{ sessionId: string; csrfToken: string; expiresAt: Date }> {
  const sessionId = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const expiresAt = new Date(Date.now() + sessionTtlMs);
  await db.insert(sessions).values({ idHash: sha256(sessionId), userId, csrfToken, expiresAt });
  return { sessionId, csrfToken, expiresAt };
}

export async function findSession(db: Db, sessionId: string) {
  const [row] = await db
    .select()
    .from(sessions)
    .where(and(eq(sessions.idHash, sha256(sessionId)), gt(sessions.expiresAt, new Date())));
  return row ?? null;
}

export async function deleteSession(db: Db | Tx, sessionId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.idHash, sha256(sessionId)));
}

export async function createApiToken(
  db: Db | Tx,
  userId: number,
  name: string,
  expiresAt: Date | null = null,
): Promise<{ id: number; token: string }> {
  const token = `tj_${randomBytes(32).toString('base64url')}`;
  const [row] = await db
    .insert(apiTokens)
    .values({ userId, name, tokenHash: sha256(token), expiresAt })
    .returning({ id: apiTokens.id });
  return { id: row.id, token };
}

export async function findTokenUser(db: Db, token: string): Promise<number | null> {
  const [row] = await db
    .select({ userId: apiTokens.userId })
    .from(apiTokens)
    .where(
      and(
        eq(apiTokens.tokenHash, sha256(token)),
        isNull(apiTokens.revokedAt),
        sql`(${apiTokens.expiresAt} is null or ${apiTokens.expiresAt} > now())`,
      ),
    );
  return row?.userId ?? null;
}

/** A user's tokens, without their values (only hashes are stored). */
export async function listTokens(db: Db, userId: number) {
  const rows = await db.select().from(apiTokens).where(eq(apiTokens.userId, userId)).orderBy(apiTokens.id);
  return rows.map((t) => ({
    id: t.id,
    name: t.name,
    createdAt: t.createdAt.toISOString(),
    expiresAt: t.expiresAt?.toISOString() ?? null,
    revokedAt: t.revokedAt?.toISOString() ?? null,
  }));
}

/** A username as sign-in reads it: in any case, spaces around it ignored. */
export const sameUsername = (username: string) => sql`lower(${users.username}) = ${username.trim().toLowerCase()}`;

/** A staff account by its username in any case, as sign-in finds it: what a phone unlock needs to know. */
export async function findAccount(db: Db | Tx, username: string) {
  const [user] = await db
    .select({ id: users.id, username: users.username, phone: users.phone, disabledAt: users.disabledAt })
    .from(users)
    .where(sameUsername(username));
  return user ?? null;
}
