import { type ActionContext, announceChange, audit, requireAdmin } from '../../../kernel/index.js';
import { invalidateDeadlineInputs } from '../cache.js';
import { timeLimitRules } from '../tables.js';

export type TimeLimitRuleInput = typeof timeLimitRules.$inferInsert;

/** The rules that override the built-in norms, replaced as a whole. */
export async function replaceTimeLimits(a: ActionContext, opts: { rules: TimeLimitRuleInput[] }) {
  requireAdmin(a.actor);
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
