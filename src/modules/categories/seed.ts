import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { categories } from './tables.js';

// Leaves under which the 24-hour reply norm for water, power, gas and heating applies.
const utilityLeaves = new Set(['冬季采暖', '燃气供应', '电力供应', '自来水供应']);

export function readTaxonomy(): string[][] {
  const text = readFileSync(new URL('./seed/taxonomy.csv', import.meta.url), 'utf8');
  return text
    .split(/\r?\n/)
    .slice(1)
    .filter((line) => line.trim() !== '')
    .map((line) => line.split(',').map((cell) => cell.trim()));
}

/** Loads the default 3-level category tree (once; a database that has categories is left alone). */
export async function seedCategories(db: Db): Promise<number> {
  const [{ n }] = (await db.select({ n: sql<number>`count(*)::int` }).from(categories)) as { n: number }[];
  if (n > 0) return 0;
  // Insert level by level with explicit ids so the whole tree takes three statements.
  const byName = new Map<string, { id: number; path: string }>();
  let nextId = 1;
  const rows: (typeof categories.$inferInsert)[] = [];
  for (const parts of readTaxonomy()) {
    let parentKey = '';
    parts.forEach((name, depth) => {
      const key = parentKey ? `${parentKey}/${name}` : name;
      if (!byName.has(key)) {
        const id = nextId++;
        const parent = parentKey ? byName.get(parentKey)! : null;
        const path = `${parent ? parent.path : '/'}${id}/`;
        byName.set(key, { id, path });
        rows.push({ id, parentId: parent?.id ?? null, level: depth + 1, name, fullName: key, path, utility: utilityLeaves.has(name) });
      }
      parentKey = key;
    });
  }
  for (let i = 0; i < rows.length; i += 500) await db.insert(categories).values(rows.slice(i, i + 500));
  await db.execute(sql`select setval(pg_get_serial_sequence('categories', 'id'), ${nextId - 1})`);
  return rows.length;
}
