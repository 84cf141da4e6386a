import { type ActionContext, announceChange, audit, requireAdmin } from '../../../kernel/index.js';
import { AppError } from '../../../lib/errors.js';
import { invalidateDeadlineInputs } from '../cache.js';
import { timeLimitRules } from '../tables.js';

export type TimeLimitRuleInput = typeof timeLimitRules.$inferInsert;

/** The rules that override the built-in norms, replaced as a whole. */
export async function replaceTimeLimits(a: ActionContext, opts: { rules: TimeLimitRuleInput[] }) {
  requireAdmin(a.actor);
  // Two rules for the same stage, urgency and category: which one counts would depend on the order they were saved.
  const seen = new Map<string, number>();
  opts.rules.forEach((r, i) => {
    const key = `${r.stage}|${r.urgency ?? ''}|${r.categoryId ?? ''}`;
    const first = seen.get(key);
    if (first !== undefined) {
      throw new AppError('conflict.duplicate', {
        zh: `第 ${first + 1} 条和第 ${i + 1} 条规则的环节、适用诉求和类别都相同，请删去一条或改成不同的条件。`,
        en: `Rules ${first + 1} and ${i + 1} are for the same stage, urgency and category: remove one or change it.`,
        details: { rules: [first, i] },
      });
    }
    seen.set(key, i);
  });
  const before = await a.tx.select().from(timeLimitRules);
  await a.tx.delete(timeLimitRules);
  if (opts.rules.length) await a.tx.insert(timeLimitRules).values(opts.rules);
  await audit(a, {
    resource: 'time_limits',
    resourceId: 'rules',
    action: 'replace',
    data: { before: before.map(({ id: _, ...r }) => r), after: opts.rules },
  });
  a.afterCommit(() => invalidateDeadlineInputs(a.app.db));
  // The other processes drop theirs too.
  await announceChange(a, 'deadlines');
  return opts.rules.length;
}
