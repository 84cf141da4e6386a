import { type SQL, sql } from 'drizzle-orm';
import type { Db } from './client.js';
import { queryRows } from './rows.js';

/**
 * A table of deltas — each write adds its own row, so concurrent writers never wait on one row — is kept small by
 * summing each group written more than once into one row, in one statement. Rows written meanwhile have higher ids
 * and wait for the next time; a group already one row is left alone (rewriting every row each time leaves the whole
 * table dead at every pass); a group summing to nothing goes. Derived data, like a cache: no audit event.
 */
export async function compactDeltas(db: Db, table: { name: string; keys: string[]; sums: string[] }): Promise<{ rows: number }> {
  const t = sql.identifier(table.name);
  const list = (names: string[], prefix = '') =>
    sql.join(
      names.map((n) => sql.raw(`${prefix}"${n}"`)),
      sql`, `,
    );
  const keys = list(table.keys);
  const summed = sql.join(
    table.sums.map((n) => sql.raw(`sum("${n}")::int`)),
    sql`, `,
  );
  const nonZero: SQL = sql.join(
    table.sums.map((n) => sql.raw(`sum("${n}") <> 0`)),
    sql` or `,
  );
  const [r] = await queryRows<{ rows: number }>(
    db,
    sql`with upto as (select max(id) as id from ${t}),
         split as (select ${keys} from ${t} where id <= (select id from upto) group by ${keys} having count(*) > 1),
         moved as (delete from ${t} c using split g
                    where c.id <= (select id from upto) and (${list(table.keys, 'c.')}) = (${list(table.keys, 'g.')})
                   returning ${list([...table.keys, ...table.sums], 'c.')}),
         written as (insert into ${t} (${list([...table.keys, ...table.sums])})
                    select ${keys}, ${summed} from moved group by ${keys} having ${nonZero} returning 1)
       select (select count(*) from moved)::int as rows`,
  );
  return { rows: Number(r?.rows ?? 0) };
}
