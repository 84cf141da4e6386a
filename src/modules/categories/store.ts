import { asc, eq } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.js';
import { AppError } from '../../lib/errors.js';
import { categories } from './tables.js';

export type Category = typeof categories.$inferSelect;

export async function getCategory(db: Db | Tx, id: number): Promise<Category | null> {
  const [row] = await db.select().from(categories).where(eq(categories.id, id));
  return row ?? null;
}

export async function listCategories(db: Db): Promise<Category[]> {
  return db.select().from(categories).orderBy(asc(categories.path));
}

export async function createCategory(db: Db | Tx, input: { parentId: number | null; name: string; utility?: boolean }): Promise<Category> {
  const parent = input.parentId ? await getCategory(db, input.parentId) : null;
  if (input.parentId && !parent) throw new AppError('validation.reference', { details: { parentId: input.parentId } });
  const fullName = parent ? `${parent.fullName}/${input.name}` : input.name;
  const [existing] = await db.select({ id: categories.id }).from(categories).where(eq(categories.fullName, fullName));
  if (existing) throw new AppError('conflict.duplicate', { zh: `分类 ${fullName} 已存在。`, en: `Category ${fullName} exists.` });
  const [row] = await db
    .insert(categories)
    .values({
      parentId: input.parentId,
      level: parent ? parent.level + 1 : 1,
      name: input.name,
      fullName,
      path: '',
      utility: input.utility ?? parent?.utility ?? false,
    })
    .returning();
  const path = `${parent ? parent.path : '/'}${row.id}/`;
  await db.update(categories).set({ path }).where(eq(categories.id, row.id));
  return { ...row, path };
}
