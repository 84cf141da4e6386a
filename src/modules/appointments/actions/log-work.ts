import { type ActionContext, audit, staffActor } from '../../../kernel/index.js';
import { AppError } from '../../../lib/errors.js';
import { loadAppointee } from '../store.js';
import { appointeeLogs, type workKinds } from '../tables.js';

export type WorkInput = {
  appointeeId: number;
  kind: (typeof workKinds)[number];
  happenedOn: string;
  summary: string;
  evidence?: string | null;
  duty?: string | null;
};

/** 履职记录: one piece of work or a pairing meeting, against one of the programme's duties when it names one. */
export async function logWork(a: ActionContext, input: WorkInput) {
  const actor = staffActor(a.actor);
  const c = await loadAppointee(a.tx, a.actor, input.appointeeId, 'log');
  if (input.duty && !c.programme.duties.includes(input.duty)) {
    throw new AppError('request.invalid', {
      zh: `“${input.duty}”不是本项目的职责。可选：${c.programme.duties.join('、')}`,
      en: `Not a duty of this programme: ${input.duty}`,
    });
  }
  if (input.happenedOn < c.termStart!)
    throw new AppError('request.invalid', { zh: '履职日期不能早于聘任日期。', en: 'The work cannot precede the appointment.' });
  const { appointeeId, ...rest } = input;
  const [row] = await a.tx
    .insert(appointeeLogs)
    .values({
      ...rest,
      appointeeId,
      evidence: input.evidence ?? null,
      duty: input.duty ?? null,
      recordedBy: actor.userId,
      recordedAt: a.now,
    })
    .returning();
  await audit(a, {
    resource: 'appointee',
    resourceId: c.id,
    action: 'log_work',
    regionPath: c.postPath,
    data: { logId: row.id, kind: row.kind, duty: row.duty },
  });
  return row;
}
