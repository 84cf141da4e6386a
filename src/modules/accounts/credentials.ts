import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import type { UserActor } from '../../kernel/index.js';
import { verifyPassword } from './password.js';
import { loadActor } from './store.js';
import { users } from './tables.js';

/** A hash of nothing, checked for unknown usernames so that timing does not tell which usernames exist. */
const decoy = 'scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';

/** The staff member these credentials sign in (username in any case), or null: one answer for every wrong pair. */
export async function checkCredentials(db: Db, username: string, password: string): Promise<UserActor | null> {
  const [user] = await db.select().from(users).where(sql`lower(${users.username}) = ${username.trim().toLowerCase()}`);
  const ok = await verifyPassword(password, user?.passwordHash ?? decoy);
  return user && ok ? await loadActor(db, user.id) : null;
}
