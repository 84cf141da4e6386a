import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/rows.js';
import type { JobQueue } from '../../kernel/index.js';
import { type AppContext, perform, systemActor } from '../../kernel/index.js';
import { AppError } from '../../lib/errors.js';
import { getSetting } from '../settings/index.js';
import { escalateDemand } from './actions/supervise-demand.js';
import { escalationFor, ruleName } from './escalation.js';
import { unitHeldStates } from './stages.js';
import type { SupervisionLevel } from './tables.js';

/**
 * One sweep of the escalation rules: every demand a unit holds whose current step is overdue
 * enough is raised to the rule's level, each in its own audited action as the system. Another
 * process sweeping at the same time loses the version race on a demand and skips it: once only.
 */
export async function escalateOverdue(app: AppContext, batch = 500): Promise<{ escalated: number }> {
  const now = app.now();
  const rules = await getSetting(app.db, 'escalation.rules');
  if (rules.length === 0) return { escalated: 0 };
  const minDays = Math.min(...rules.map((r) => r.overdueDays));
  const due = await queryRows<{ id: number; stage_due_at: Date | string; supervision_level: SupervisionLevel | null }>(
    app.db,
    sql`select id, stage_due_at, supervision_level from demands
      where state in (${sql.join(
        unitHeldStates.map((s) => sql`${s}`),
        sql`, `,
      )}) and stage_due_at < ${new Date(now.getTime() - minDays * 86_400_000).toISOString()}::timestamptz
        and supervision_level is distinct from 'district'
        -- A supervisor who lifted supervision after this step fell due has decided: the rules leave it be.
        and not exists (select 1 from demand_supervisions s
                         where s.demand_id = demands.id and s.lifted_at is not null and s.lifted_at >= demands.stage_due_at)
      order by stage_due_at limit ${batch}`,
  );
  let escalated = 0;
  for (const row of due) {
    const overdueMs = now.getTime() - new Date(row.stage_due_at).getTime();
    const step = escalationFor(overdueMs, row.supervision_level, rules);
    if (!step) continue;
    try {
      await perform(app, systemActor, escalateDemand, {
        demandId: Number(row.id),
        level: step.level,
        rule: ruleName(step.rule),
        overdueDays: step.rule.overdueDays,
      });
      escalated++;
    } catch (err) {
      // Someone changed it meanwhile (acknowledged, replied, escalated elsewhere): the next sweep sees it afresh.
      if (!(err instanceof AppError)) throw err;
    }
  }
  return { escalated };
}

/** Runs the escalation rules every five minutes through the job queue, in one process at a time. */
export async function scheduleEscalation(app: AppContext, jobs: JobQueue): Promise<void> {
  await jobs.every('escalate-overdue', '*/5 * * * *', () => escalateOverdue(app));
}
