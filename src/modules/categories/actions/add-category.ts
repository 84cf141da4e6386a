import { type ActionContext, announceChange, audit, requireAdmin } from '../../../kernel/index.js';
import { createCategory } from '../store.js';

/** Admin: a matter category under its parent. */
export async function addCategory(a: ActionContext, input: { parentId: number | null; name: string; utility?: boolean }) {
  requireAdmin(a.actor);
  const category = await createCategory(a.tx, input);
  await audit(a, { resource: 'category', resourceId: category.id, action: 'create', data: { ...input, fullName: category.fullName } });
  await announceChange(a, 'references');
  return category;
}
