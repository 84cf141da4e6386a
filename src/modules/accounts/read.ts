import { type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { qualified } from '../../db/qualified.js';
import { users } from './tables.js';

/** A person's display name by their account id, as an expression another module's query selects or orders by. */
export function userNameOf(id: AnyPgColumn | SQL): SQL<string> {
  return sql<string>`(select u.display_name from ${users} u where u.id = ${qualified(id)})`;
}
