import { type ActionContext, referenceStands } from '../../../kernel/index.js';
import { AppError } from '../../../lib/errors.js';
import { applyTransition, loadForAction, stageDeadline } from '../store.js';
import type { DemandRow } from '../tables.js';

export type AnswerDemandDirectlyOptions = {
  demandId: number;
  reply: string;
  /** The approved knowledge-base answer the operator used, if any. */
  knowledgeArticleId?: number | null;
};

/**
 * 直接答复: the operator answers a consultation on the spot. It is still recorded, counted
 * and called back like any other demand.
 */
export async function answerDemandDirectly(a: ActionContext, opts: AnswerDemandDirectlyOptions): Promise<DemandRow> {
  const { tx, now } = a;
  const { demand, to } = await loadForAction(tx, a.actor, opts.demandId, 'answer_directly');
  if (demand.type !== 'consultation' && demand.type !== 'help') {
    throw new AppError('demand.invalid_transition', {
      zh: '只有咨询类、求助类诉求可以直接答复，其他类型请派单。',
      en: 'Only consultations and requests for help can be answered directly; dispatch the others.',
      details: { type: demand.type },
    });
  }
  if (opts.knowledgeArticleId) {
    if (!(await referenceStands(tx, 'approved_knowledge_article', opts.knowledgeArticleId))) {
      throw new AppError('validation.reference', {
        zh: '知识库条目不存在或未审核通过。',
        en: 'The knowledge-base answer does not exist or is not approved.',
      });
    }
  }
  const stageDueAt = await stageDeadline(a.app, tx, 'callback', demand, now);
  return applyTransition(a, {
    demand,
    action: 'answer_directly',
    to,
    data: { knowledgeArticleId: opts.knowledgeArticleId ?? null, reply: opts.reply },
    patch: { replyText: opts.reply, repliedAt: now, stageDueAt, knowledgeArticleId: opts.knowledgeArticleId ?? null },
  });
}
