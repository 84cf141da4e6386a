import { and, eq, inArray } from 'drizzle-orm';
import { type ActionContext, audit, auditMany, handledUnitIds } from '../../../kernel/index.js';
import { AppError } from '../../../lib/errors.js';
import { deadlineInputs, dueAt, localDay } from '../../calendar/index.js';
import { failedItems } from '../queries/outcomes.js';
import { guardStep, loadAssessment } from '../store.js';
import { assessmentSubjects, rectificationTasks } from '../tables.js';

export type OpenRectificationInput = { assessmentId: number; workingDays?: number; only?: { subjectId: number; itemKey: string }[] };

/**
 * 整改: one task per failed item (the expert's finding where there is one), for the unit answerable
 * for the subject, due after the given working days on the district's calendar. Items that
 * already have a task are skipped, so opening again after more scores only adds the new ones.
 */
export async function openRectifications(a: ActionContext, input: OpenRectificationInput) {
  const assessment = await guardStep(a.tx, a.actor, input.assessmentId, 'rectify');
  let failed = await failedItems(a.tx, assessment.id, assessment.rubric.aspects);
  if (input.only) {
    const wanted = new Set(input.only.map((o) => `${o.subjectId}:${o.itemKey}`));
    const found = new Set(failed.map((f) => `${f.subjectId}:${f.itemKey}`));
    const notFailed = [...wanted].filter((k) => !found.has(k));
    if (notFailed.length) {
      throw new AppError('request.invalid', {
        zh: '只有判定不合格的评分项才能发起整改。',
        en: 'Only failed items can be rectified.',
        details: { notFailed },
      });
    }
    failed = failed.filter((f) => wanted.has(`${f.subjectId}:${f.itemKey}`));
  }
  const subjectIds = [...new Set(failed.map((f) => f.subjectId))];
  const owners = new Map(
    subjectIds.length
      ? (
          await a.tx
            .select({ id: assessmentSubjects.id, unitId: assessmentSubjects.unitId, ref: assessmentSubjects.ref })
            .from(assessmentSubjects)
            .where(inArray(assessmentSubjects.id, subjectIds))
        ).map((s) => [s.id, s])
      : [],
  );
  const ownerless = subjectIds.filter((id) => owners.get(id)?.unitId == null).map((id) => owners.get(id)?.ref ?? String(id));
  if (ownerless.length) {
    throw new AppError('request.invalid', {
      zh: `这些对象没有责任单位，无法派发整改：${ownerless.slice(0, 10).join('、')}`,
      en: 'Some subjects have no answerable unit.',
      details: { refs: ownerless },
    });
  }
  const { calendar } = await deadlineInputs(a.tx, a.app.db);
  const dueOn = localDay(dueAt(a.now, { amount: input.workingDays ?? 15, unit: 'workdays' }, calendar));
  const rows = failed.map((f) => ({
    assessmentId: assessment.id,
    subjectId: f.subjectId,
    itemKey: f.itemKey,
    ownerUnitId: owners.get(f.subjectId)!.unitId!,
    description: f.reason ?? '不合格',
    dueOn,
    createdAt: a.now,
  }));
  const created = [];
  for (let i = 0; i < rows.length; i += 1_000) {
    created.push(
      ...(await a.tx
        .insert(rectificationTasks)
        .values(rows.slice(i, i + 1_000))
        .onConflictDoNothing()
        .returning()),
    );
  }
  if (created.length === 0) {
    a.unchanged();
    return { created: 0, dueOn };
  }
  await auditMany(
    a,
    created.map((t) => ({
      resource: 'rectification_task',
      resourceId: t.id,
      action: 'open',
      regionPath: assessment.regionPath,
      data: { assessmentId: assessment.id, subjectId: t.subjectId, itemKey: t.itemKey, ownerUnitId: t.ownerUnitId, dueOn },
    })),
  );
  return { created: created.length, dueOn };
}

async function loadTask(a: ActionContext, id: number) {
  const [task] = await a.tx.select().from(rectificationTasks).where(eq(rectificationTasks.id, id)).for('update');
  if (!task) throw new AppError('not_found', { details: { taskId: id } });
  const assessment = await loadAssessment(a.tx, a.actor, task.assessmentId);
  const owns = handledUnitIds(a.actor).includes(task.ownerUnitId);
  if (!owns && !assessment.parts.has('organiser')) throw new AppError('not_found', { details: { taskId: id } });
  return { task, assessment, owns };
}

/** The answerable unit reports what it did, with evidence; the task waits for the organiser's re-check. */
export async function submitRectification(a: ActionContext, input: { taskId: number; evidence: string }) {
  const { task, assessment, owns } = await loadTask(a, input.taskId);
  if (!owns) throw new AppError('auth.forbidden');
  if (task.state !== 'open')
    throw new AppError('assessment.invalid_state', { zh: '该整改任务已提交或已销号。', en: 'This task is already submitted or closed.' });
  await a.tx
    .update(rectificationTasks)
    .set({ state: 'submitted', evidence: input.evidence, submittedAt: a.now })
    .where(eq(rectificationTasks.id, task.id));
  await audit(a, {
    resource: 'rectification_task',
    resourceId: task.id,
    action: 'submit',
    regionPath: assessment.regionPath,
    data: { evidence: input.evidence },
  });
  return { state: 'submitted' as const };
}

/** 复查: accepted closes the task (销号); not accepted sends it back with the reason. */
export async function recheckRectification(a: ActionContext, input: { taskId: number; accepted: boolean; note?: string }) {
  const { task, assessment } = await loadTask(a, input.taskId);
  if (!assessment.parts.has('organiser')) throw new AppError('auth.forbidden');
  if (task.state !== 'submitted')
    throw new AppError('assessment.invalid_state', {
      zh: '该整改任务尚未提交整改情况。',
      en: 'The unit has not reported on this task yet.',
    });
  if (!input.accepted && !input.note?.trim())
    throw new AppError('demand.reason_required', { zh: '退回整改必须写明原因。', en: 'Say why the rectification is not accepted.' });
  const state = input.accepted ? ('closed' as const) : ('open' as const);
  await a.tx
    .update(rectificationTasks)
    .set({ state, recheckNote: input.note?.trim() || null, closedAt: input.accepted ? a.now : null })
    .where(and(eq(rectificationTasks.id, task.id)));
  await audit(a, {
    resource: 'rectification_task',
    resourceId: task.id,
    action: input.accepted ? 'close' : 'return',
    regionPath: assessment.regionPath,
    reason: input.note ?? null,
  });
  return { state };
}
