import type { Db } from '../../db/client.js';
import type { UserActor } from '../../kernel/index.js';
import { decoyHash, verifyPassword } from './password.js';
import { loadActor, sameUsername } from './store.js';
import { users } from './tables.js';

/** The staff member these credentials sign in (username in any case), or null: one answer for every wrong pair. */
export async function checkCredentials(db: Db, username: string, password: string): Promise<UserActor | null> {
  const [user] = await db.select().from(users).where(sameUsername(username));
  const ok = await verifyPassword(password, user?.passwordHash ?? decoyHash());
  return user && ok ? await loadActor(db, user.id) : null;
}
