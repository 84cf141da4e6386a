import { type ActionContext, audit, requireAdmin } from '../../kernel/index.js';
import { AppError } from '../../lib/errors.js';
import { everyCategory } from '../categories/index.js';
import type { LabeledRow } from './evaluate.js';
import { textTrainingExamples } from './tables.js';

/**
 * Stores labeled messages to learn from. A label names a category by its full name
 * ("城乡建设/城市建设和市政管理/燃气供应") or, when unique, its own name ("城乡建设"). Any label that
 * names no category rejects the whole file, listing the labels.
 */
export async function importTrainingExamples(a: ActionContext, { rows, source }: { rows: LabeledRow[]; source: string }): Promise<number> {
  if (a.actor.kind !== 'system') requireAdmin(a.actor);
  const cats = await everyCategory(a.tx);
  const byFull = new Map(cats.map((c) => [c.fullName, c.id]));
  const byName = new Map<string, number | null>();
  for (const c of cats) byName.set(c.name, byName.has(c.name) ? null : c.id);
  const resolve = (label: string) => byFull.get(label) ?? byName.get(label) ?? null;
  const unknown = [...new Set(rows.map((r) => r.label).filter((l) => resolve(l) === null))];
  if (unknown.length) {
    throw new AppError('request.invalid', {
      zh: `有 ${unknown.length} 个标签对应不到分类，未导入任何数据：${unknown.slice(0, 10).join('、')}`,
      en: `${unknown.length} labels name no category (or more than one); nothing was imported: ${unknown.slice(0, 10).join(', ')}`,
      details: { unknown },
    });
  }
  for (let i = 0; i < rows.length; i += 500) {
    const chunk = rows.slice(i, i + 500).map((r) => ({ title: r.title, body: r.body, categoryId: resolve(r.label)!, source }));
    await a.tx.insert(textTrainingExamples).values(chunk);
  }
  await audit(a, { resource: 'training_examples', resourceId: source, action: 'import', data: { rows: rows.length } });
  return rows.length;
}
